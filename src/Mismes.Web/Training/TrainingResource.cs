namespace Mismes.Web.Training;

/// <summary>Marker for the Training strings in Resources/Training/TrainingResource*.resx (keys "Training.…"; fr is the neutral language).</summary>
public sealed class TrainingResource;
