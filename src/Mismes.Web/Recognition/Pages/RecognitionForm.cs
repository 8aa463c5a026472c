using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Mismes.Web.Recognition.Pages;

/// <summary>Field errors of Recognition's forms, each message starting with the field's name in the user's language.</summary>
internal static class RecognitionForm
{
    public static void AddErrors(ModelStateDictionary state, IReadOnlyDictionary<string, string[]> errors, IStringLocalizer l, string prefix = "Input.")
    {
        foreach (var (field, keys) in errors)
        {
            foreach (var key in keys)
            {
                state.AddModelError(prefix + field, $"{l["Recognition.Field." + field].Value}: {l[key].Value}");
            }
        }
    }
}
