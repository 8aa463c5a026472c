namespace Mismes.Web.Recognition;

/// <summary>
/// Marker for the Recognition strings in Resources/Recognition/RecognitionResource*.resx (keys "Recognition.…"; fr is
/// the neutral language). The capability the issue calls "Validation" is named Recognition in code because the
/// platform's form messages already own the "Validation." keys (ADR 0039).
/// </summary>
public sealed class RecognitionResource;
