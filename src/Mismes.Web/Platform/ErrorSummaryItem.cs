namespace Mismes.Web.Platform;

/// <summary>
/// One line of the form error summary (Pages/Shared/_ErrorSummary.cshtml) for a form whose errors are not in
/// ModelState: the id of the field it links to (null: no link) and the message, already translated.
/// </summary>
internal sealed record ErrorSummaryItem(string? FieldId, string Message);
