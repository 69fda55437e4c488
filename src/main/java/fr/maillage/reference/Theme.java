package fr.maillage.reference;

/** A theme of the network's thesaurus as staff edit it: DAC codes and SDGs separated by ";". */
public record Theme(String code, String labelFr, String labelEn, String dacCodes, String sdgGoals, int position, boolean active) {
}
