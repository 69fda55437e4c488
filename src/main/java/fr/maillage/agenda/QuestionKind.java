package fr.maillage.agenda;

/** A custom registration question: free text, yes/no, or one choice among lines. */
public enum QuestionKind {
    TEXT, YES_NO, CHOICE
}
