package fr.maillage.reference.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A theme as typed by staff on {@code /admin/themes}. */
public class ThemeForm {

    @NotBlank(message = "{reference.themes.error.label}")
    @Size(max = 200, message = "{reference.themes.error.size}")
    @Pattern(regexp = "[^<>]*", message = "{reference.themes.error.html}")
    private String labelFr;

    @NotBlank(message = "{reference.themes.error.label}")
    @Size(max = 200, message = "{reference.themes.error.size}")
    @Pattern(regexp = "[^<>]*", message = "{reference.themes.error.html}")
    private String labelEn;

    @Size(max = 400, message = "{reference.themes.error.dac}")
    @Pattern(regexp = "^\\s*$|^\\s*\\d{3,5}(\\s*[;,]\\s*\\d{3,5})*\\s*$", message = "{reference.themes.error.dac}")
    private String dacCodes;

    @Pattern(regexp = "^\\s*$|^\\s*(1[0-7]|[1-9])(\\s*[;,]\\s*(1[0-7]|[1-9]))*\\s*$", message = "{reference.themes.error.sdg}")
    private String sdgGoals;

    @NotNull(message = "{reference.themes.error.position}")
    @Min(value = 0, message = "{reference.themes.error.position}")
    @Max(value = 9999, message = "{reference.themes.error.position}")
    private Integer position;

    private boolean active = true;

    public String getLabelFr() {
        return labelFr;
    }

    public void setLabelFr(String labelFr) {
        this.labelFr = labelFr;
    }

    public String getLabelEn() {
        return labelEn;
    }

    public void setLabelEn(String labelEn) {
        this.labelEn = labelEn;
    }

    public String getDacCodes() {
        return dacCodes;
    }

    public void setDacCodes(String dacCodes) {
        this.dacCodes = dacCodes;
    }

    public String getSdgGoals() {
        return sdgGoals;
    }

    public void setSdgGoals(String sdgGoals) {
        this.sdgGoals = sdgGoals;
    }

    public Integer getPosition() {
        return position;
    }

    public void setPosition(Integer position) {
        this.position = position;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
