namespace Mismes.Core.Exports;

/// <summary>
/// Spreadsheet formula injection (CSV injection): a cell that starts with = + - @, a tab or a carriage return is read
/// as a formula by Excel and LibreOffice, so a measure titled <c>=HYPERLINK("http://x","y")</c> would become a live
/// link, or worse, in every exported sheet. Such text gets a leading single quote, the spreadsheet convention for
/// "this is text" (OWASP's advice), in CSV and .xlsx alike.
/// </summary>
public static class SpreadsheetCell
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string Neutralize(string text) =>
        text.Length > 0 && Array.IndexOf(FormulaStarts, text[0]) >= 0 ? "'" + text : text;
}
