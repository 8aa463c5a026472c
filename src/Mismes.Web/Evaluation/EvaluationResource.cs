namespace Mismes.Web.Evaluation;

/// <summary>Marker for the Evaluation strings in Resources/Evaluation/EvaluationResource*.resx (keys "Evaluation.…"; fr is the neutral language).</summary>
public sealed class EvaluationResource;
