using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Mismes.TestCommon;
using Mismes.Web.Platform;

namespace Mismes.Web.Tests.Platform;

/// <summary>Form validation messages come out in the user's language with no ErrorMessage written on the model.</summary>
public sealed class ValidationMessageTests(MismesWebFactory factory) : IClassFixture<MismesWebFactory>
{
    [Theory]
    [InlineData("fr", nameof(SampleForm.Name), "Le champ « Name » est obligatoire.")]
    [InlineData("ar-MA", nameof(SampleForm.Name), "الحقل «Name» إلزامي.")]
    [InlineData("en", nameof(SampleForm.Name), "The Name field is required.")]
    [InlineData("es", nameof(SampleForm.Name), "El campo «Name» es obligatorio.")]
    [InlineData("fr", nameof(SampleForm.Email), "Le champ « Email » doit être une adresse e-mail valide, par exemple nom@exemple.ma.")]
    [InlineData("en", nameof(SampleForm.Code), "The Code field must be between 2 and 4 characters long.")]
    [InlineData("es", nameof(SampleForm.Notes), "El campo «Notes» no debe superar los 5 caracteres.")]
    [InlineData("ar-MA", nameof(SampleForm.Age), "يجب أن تكون قيمة الحقل «Age» بين 16 و99.")]
    public void Validate_InvalidForm_MessageInCulture(string culture, string field, string expected)
    {
        var form = new SampleForm { Email = "not-an-address", Code = "x", Notes = "far too long", Age = 3 };

        var errors = Validate(form, culture);

        Assert.Equal(expected, Assert.Single(errors[field]));
    }

    [Fact]
    public void Validate_ExplicitMessage_Kept()
    {
        // An explicit ErrorMessage is a resource key too, looked up instead of replaced.
        var errors = Validate(new SampleForm { Name = "x", Email = "a@b.ma", Code = "ab", Notes = "", Age = 20, Reference = null }, "fr");

        Assert.Equal(nameof(SampleForm.Reference), Assert.Single(errors.Keys));
        Assert.Equal("Mesures d'accompagnement des migrants", Assert.Single(errors[nameof(SampleForm.Reference)]));
    }

    private Dictionary<string, List<string>> Validate(object model, string culture)
    {
        using var scope = factory.Services.CreateScope();
        var validator = scope.ServiceProvider.GetRequiredService<IObjectModelValidator>();
        var context = new ActionContext(new DefaultHttpContext { RequestServices = scope.ServiceProvider }, new RouteData(), new ActionDescriptor());
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Cultures.Create(culture);
            validator.Validate(context, validationState: null, prefix: "", model);
            return context.ModelState
                .Where(e => e.Value!.Errors.Count > 0)
                .ToDictionary(e => e.Key, e => e.Value!.Errors.Select(x => x.ErrorMessage).ToList(), StringComparer.Ordinal);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    public sealed class SampleForm
    {
        [Required]
        public string? Name { get; set; }

        [EmailAddress]
        public string? Email { get; set; }

        [StringLength(4, MinimumLength = 2)]
        public string? Code { get; set; }

        [StringLength(5)]
        public string? Notes { get; set; }

        [Range(16, 99)]
        public int Age { get; set; }

        [Required(ErrorMessage = "Home.Title")]
        public string? Reference { get; set; } = "set";
    }
}
