using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Mismes.Core.Common;
using Mismes.Web.Platform;

namespace Mismes.Web.Training;

/// <summary>Training's form errors: each message names its field in the reader's language ("Training.Field.&lt;Field&gt;").</summary>
internal static class TrainingForms
{
    public static void AddErrors(ModelStateDictionary modelState, FieldErrors errors, IStringLocalizer localizer, string prefix = "") =>
        FieldErrorText.AddTo(modelState, errors, localizer, Label(localizer), prefix);

    /// <summary>A 400 validation problem whose messages name their fields in the request's language.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Problem(IReadOnlyDictionary<string, string[]> errors, IStringLocalizer localizer) =>
        FieldErrorText.Problem(errors, localizer, localizer["Training.Error.Invalid"], Label(localizer));

    private static Func<string, string> Label(IStringLocalizer localizer) => field => localizer["Training.Field." + field].Value;
}
