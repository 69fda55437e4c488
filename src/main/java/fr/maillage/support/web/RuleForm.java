package fr.maillage.support.web;

import fr.maillage.support.AvailabilityRule;

/** A weekly availability rule as typed (times "14:00", dates "2026-12-08"). {@code id}: the rule changed, null for a new one. */
public class RuleForm {

    private Long id;
    private String weekday;
    private String startTime;
    private String endTime;
    private String slotMinutes = "60";
    private String mode = "BOTH";
    private String place;
    private String videoUrl;
    private String validFrom;
    private String validUntil;

    static RuleForm of(AvailabilityRule r) {
        RuleForm f = new RuleForm();
        f.id = r.id();
        f.weekday = Integer.toString(r.weekday().getValue());
        f.startTime = r.start().toString();
        f.endTime = r.end().toString();
        f.slotMinutes = Integer.toString(r.slotMinutes());
        f.mode = r.mode().name();
        f.place = r.place();
        f.videoUrl = r.videoUrl();
        f.validFrom = r.validFrom() == null ? null : r.validFrom().toString();
        f.validUntil = r.validUntil() == null ? null : r.validUntil().toString();
        return f;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getWeekday() {
        return weekday;
    }

    public void setWeekday(String weekday) {
        this.weekday = weekday;
    }

    public String getStartTime() {
        return startTime;
    }

    public void setStartTime(String startTime) {
        this.startTime = startTime;
    }

    public String getEndTime() {
        return endTime;
    }

    public void setEndTime(String endTime) {
        this.endTime = endTime;
    }

    public String getSlotMinutes() {
        return slotMinutes;
    }

    public void setSlotMinutes(String slotMinutes) {
        this.slotMinutes = slotMinutes;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public String getVideoUrl() {
        return videoUrl;
    }

    public void setVideoUrl(String videoUrl) {
        this.videoUrl = videoUrl;
    }

    public String getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(String validFrom) {
        this.validFrom = validFrom;
    }

    public String getValidUntil() {
        return validUntil;
    }

    public void setValidUntil(String validUntil) {
        this.validUntil = validUntil;
    }
}
