using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Mismes.Web.Platform;

/// <summary>
/// Form validation in the user's language without writing ErrorMessage on every attribute: a [Required] (etc.)
/// with no message of its own gets the resource key "Validation.Required", which the DataAnnotations localizer looks
/// up in SharedResource. Model-binding messages ("the value 'x' is not valid") come from the same resources.
/// </summary>
internal sealed class LocalizedValidationMetadataProvider : IValidationMetadataProvider
{
    /// <summary>Resource key per attribute type; StringLength with a minimum has its own message.</summary>
    public static readonly IReadOnlyDictionary<Type, string> Keys = new Dictionary<Type, string>
    {
        [typeof(RequiredAttribute)] = "Validation.Required",
        [typeof(StringLengthAttribute)] = "Validation.StringLength",
        [typeof(MaxLengthAttribute)] = "Validation.MaxLength",
        [typeof(MinLengthAttribute)] = "Validation.MinLength",
        [typeof(EmailAddressAttribute)] = "Validation.EmailAddress",
        [typeof(PhoneAttribute)] = "Validation.Phone",
        [typeof(UrlAttribute)] = "Validation.Url",
        [typeof(RangeAttribute)] = "Validation.Range",
        [typeof(RegularExpressionAttribute)] = "Validation.RegularExpression",
        [typeof(CompareAttribute)] = "Validation.Compare",
    };

    public const string StringLengthRangeKey = "Validation.StringLengthRange";

    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
        {
            if (!Keys.TryGetValue(attribute.GetType(), out var key)
                || attribute.ErrorMessageResourceName is not null
                || attribute.ErrorMessageResourceType is not null
                || !HasDefaultMessage(attribute))
            {
                continue;
            }

            attribute.ErrorMessage = attribute is StringLengthAttribute { MinimumLength: > 0 } ? StringLengthRangeKey : key;
        }
    }

    // [EmailAddress], [Phone] and [Url] report their built-in English text as ErrorMessage; compare with a fresh one.
    private static bool HasDefaultMessage(ValidationAttribute attribute) =>
        attribute.ErrorMessage is null
        || (attribute.GetType().GetConstructor(Type.EmptyTypes) is not null
            && Activator.CreateInstance(attribute.GetType()) is ValidationAttribute fresh
            && string.Equals(fresh.ErrorMessage, attribute.ErrorMessage, StringComparison.Ordinal));
}

/// <summary>Localizes MVC's model-binding messages (shown when a value cannot even be converted).</summary>
internal sealed class LocalizedModelBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var l = factory.Create(typeof(SharedResource));
        var messages = options.ModelBindingMessageProvider;
        messages.SetValueIsInvalidAccessor(v => l["Validation.ValueIsInvalid", v]);
        messages.SetAttemptedValueIsInvalidAccessor((v, f) => l["Validation.AttemptedValueIsInvalid", v, f]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(v => l["Validation.ValueIsInvalid", v]);
        messages.SetUnknownValueIsInvalidAccessor(f => l["Validation.UnknownValueIsInvalid", f]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Validation.NonPropertyUnknownValueIsInvalid"]);
        messages.SetValueMustNotBeNullAccessor(f => l["Validation.Required", f]);
        messages.SetMissingBindRequiredValueAccessor(f => l["Validation.Required", f]);
        messages.SetMissingKeyOrValueAccessor(() => l["Validation.NonPropertyUnknownValueIsInvalid"]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => l["Validation.NonPropertyUnknownValueIsInvalid"]);
        messages.SetValueMustBeANumberAccessor(f => l["Validation.ValueMustBeANumber", f]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => l["Validation.NonPropertyValueMustBeANumber"]);
    }
}
