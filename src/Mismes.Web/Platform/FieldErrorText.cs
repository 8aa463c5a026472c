using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Mismes.Web.Platform;

/// <summary>
/// Turns Core's field errors (field → resource keys, <see cref="Mismes.Core.Common.FieldErrors"/>) into what people
/// read: an RFC 9457 validation problem for the API, model-state errors for a form's error summary. One place, so
/// every capability words and shapes its errors the same way.
/// </summary>
internal static class FieldErrorText
{
    /// <summary>Errors of the parser (a value that could not even be read) win over Core's for the same field:
    /// a value that could not be parsed is reported once, as invalid, not also as missing.</summary>
    public static Dictionary<string, string[]> Merge(IReadOnlyDictionary<string, string[]> parseErrors, IReadOnlyDictionary<string, string[]> serviceErrors)
    {
        var all = new Dictionary<string, string[]>(parseErrors, StringComparer.Ordinal);
        foreach (var (field, keys) in serviceErrors)
        {
            all.TryAdd(field, keys);
        }

        return all;
    }

    /// <summary>
    /// The message of one error key for one field. Each message names its field (an error summary of five
    /// "This field is required" tells nobody which field is wrong): the field's display name, given by
    /// <paramref name="label"/> (field → text in the user's language), is argument {0} of the resource text, e.g.
    /// "Le champ « {0} » est obligatoire.". Messages that already say which field they are about simply omit {0}.
    /// </summary>
    public static string Message(IStringLocalizer localizer, string key, string field, Func<string, string>? label) =>
        label is null ? localizer[key].Value : localizer[key, label(field)].Value;

    public static Dictionary<string, string[]> Translate(IReadOnlyDictionary<string, string[]> errors, IStringLocalizer localizer, Func<string, string> fieldName, Func<string, string>? label = null) =>
        errors.ToDictionary(e => fieldName(e.Key), e => e.Value.Select(k => Message(localizer, k, e.Key, label)).ToArray(), StringComparer.Ordinal);

    /// <summary>A 400 validation problem with the messages in the request's language, fields in camelCase as in the JSON.</summary>
    public static ValidationProblem Problem(IReadOnlyDictionary<string, string[]> errors, IStringLocalizer localizer, string? title = null, Func<string, string>? label = null) =>
        TypedResults.ValidationProblem(Translate(errors, localizer, CamelCase, label), title: title);

    /// <summary>Adds each message under "<paramref name="prefix"/>Field", where the form's error summary and the field show it.</summary>
    public static void AddTo(ModelStateDictionary modelState, IReadOnlyDictionary<string, string[]> errors, IStringLocalizer localizer, Func<string, string>? label = null, string prefix = "Input.")
    {
        foreach (var (field, keys) in errors)
        {
            foreach (var key in keys)
            {
                modelState.AddModelError(prefix + field, Message(localizer, key, field, label));
            }
        }
    }

    public static string CamelCase(string field) =>
        field.Length == 0 ? field : string.Concat(char.ToLowerInvariant(field[0]).ToString(), field[1..]);
}
