package fr.maillage.agenda;

/**
 * A participant's answers to the satisfaction form after a training session: the overall score
 * (1 to 5, required), the content, the trainer, the organisation and the usefulness (1 to 5,
 * optional), whether they would recommend the training (optional) and a comment.
 */
public record SatisfactionAnswers(Integer overall, Integer content, Integer trainer, Integer organisation, Integer usefulness,
                                  Boolean wouldRecommend, String comment) {
}
