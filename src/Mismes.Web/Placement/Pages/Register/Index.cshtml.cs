using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Mismes.Core.Common;
using Mismes.Core.Esco;
using Mismes.Core.People;
using Mismes.Core.Placement.Candidates;
using Mismes.Web.Platform;

namespace Mismes.Web.Placement.Pages.Register;

/// <summary>The questions of self-registration, in the order they are asked.</summary>
public enum RegisterStep
{
    Start,
    Name,
    BirthDate,
    Sex,
    Phone,
    Agency,
    Occupation,
    Experience,
    Countries,
    Consent,
    Check,
    Done,
}

/// <summary>The answers so far. Travels between pages only as a protected (encrypted, signed, 2-hour) hidden field.</summary>
public sealed record RegisterAnswers
{
    public Guid RegistrationId { get; init; } = Guid.NewGuid();
    public Guid? VacancyId { get; init; }
    public string? FirstNameLatin { get; init; }
    public string? LastNameLatin { get; init; }
    public string? FirstNameArabic { get; init; }
    public string? LastNameArabic { get; init; }
    public DateOnly? BirthDate { get; init; }
    public Sex? Sex { get; init; }
    public string? Phone { get; init; }
    public Guid? AgencyId { get; init; }
    public string? OccupationUri { get; init; }
    public int? ExperienceYears { get; init; }
    public IReadOnlyList<string> Countries { get; init; } = [];
    public bool? Share { get; init; }

    /// <summary>Set once "check your answers" was reached: a changed answer goes back there.</summary>
    public bool Checking { get; init; }
}

/// <summary>
/// Citizens' self-registration for work abroad, GOV.UK style: one plain question per page, "check your answers", a
/// confirmation that says what happens next. Works on a phone without JavaScript; anonymous, rate-limited and
/// CSRF-protected (every step is a POST with the antiforgery token); the answers never sit in a URL or on the server
/// before the end, only in a protected hidden field. "?vacancy={id}" (the "apply" link of a public job page) is kept.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.PublicForm)]
public sealed class IndexModel(SelfRegistrationService registrations, PersonService people, ConsentNoticeService notices, EscoLookup esco,
    IDataProtectionProvider protection, IStringLocalizer<SharedResource> l) : PageModel
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static readonly IReadOnlyList<string> CountryCodes = ["ES", "FR", "DE", "IT", "BE", "NL", "PT", "CA", "GB", "QA", "SA", "AE"];

    public RegisterStep Step { get; private set; } = RegisterStep.Start;

    public RegisterAnswers Answers { get; private set; } = new();

    public string State { get; private set; } = "";

    public bool Expired { get; private set; }

    public string Culture { get; } = CultureInfo.CurrentUICulture.Name;

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public string? OccupationText { get; private set; }

    public IReadOnlyList<EscoChoice> OccupationChoices { get; private set; } = [];

    public string? ConsentText { get; private set; }

    public SelfRegistrationDone? Done { get; private set; }

    /// <summary>Raw text typed for the birth date, shown again when it could not be read.</summary>
    public (string? Day, string? Month, string? Year) BirthDateText { get; private set; }

    public void OnGet(string? vacancy)
    {
        Answers = new RegisterAnswers { VacancyId = Guid.TryParse(vacancy, CultureInfo.InvariantCulture, out var id) ? id : null };
        State = Protect(Answers);
    }

    public async Task<IActionResult> OnPostAsync(string? state, string? step, string? action, CancellationToken ct)
    {
        if (Unprotect(state) is not { } answers)
        {
            Expired = true;
            OnGet(null);
            return Page();
        }

        Answers = answers;
        var current = PlacementParsing.ParseEnum<RegisterStep>(step) ?? RegisterStep.Start;
        if (action is { } a && a.StartsWith("change:", StringComparison.Ordinal) && PlacementParsing.ParseEnum<RegisterStep>(a["change:".Length..]) is { } target and > RegisterStep.Start and < RegisterStep.Check)
        {
            return await ShowAsync(target, ct);
        }

        if (action == "back")
        {
            return await ShowAsync(Answers.Checking ? RegisterStep.Check : Previous(current), ct);
        }

        if (current == RegisterStep.Occupation && action == "search")
        {
            OccupationText = Request.Form["occupationText"];
            return await ShowAsync(RegisterStep.Occupation, ct);
        }

        if (current == RegisterStep.Check)
        {
            return await SubmitAsync(ct);
        }

        var errors = new FieldErrors();
        Answers = await ReadAsync(current, Answers, errors, action, ct);
        if (!errors.IsEmpty)
        {
            FieldErrorText.AddTo(ModelState, errors, l, Label, prefix: "");
            return await ShowAsync(current, ct);
        }

        var next = Answers.Checking ? RegisterStep.Check : (RegisterStep)((int)current + 1);
        return await ShowAsync(next, ct);
    }

    private async Task<IActionResult> SubmitAsync(CancellationToken ct)
    {
        var a = Answers;
        var result = await registrations.RegisterAsync(new SelfRegistration
        {
            RegistrationId = a.RegistrationId,
            VacancyId = a.VacancyId,
            InstitutionId = a.AgencyId ?? Guid.Empty,
            FirstNameLatin = a.FirstNameLatin ?? "",
            LastNameLatin = a.LastNameLatin ?? "",
            FirstNameArabic = a.FirstNameArabic,
            LastNameArabic = a.LastNameArabic,
            BirthDate = a.BirthDate,
            Sex = a.Sex,
            Phone = a.Phone,
            OccupationUri = a.OccupationUri,
            ExperienceMonths = (a.ExperienceYears ?? 0) * 12,
            CountriesWanted = a.Countries,
            ShareWithForeignEmployers = a.Share == true,
        }, ct);
        if (!result.Succeeded)
        {
            FieldErrorText.AddTo(ModelState, result.Errors, l, Label, prefix: "");
            return await ShowAsync(RegisterStep.Check, ct);
        }

        Done = result.Value;
        return await ShowAsync(RegisterStep.Done, ct);
    }

    /// <summary>Reads one step's answers from the form; People's own rules check the name, birth date and phone.</summary>
    private async Task<RegisterAnswers> ReadAsync(RegisterStep step, RegisterAnswers a, FieldErrors errors, string? action, CancellationToken ct)
    {
        var form = Request.Form;
        string? Text(string name) => string.IsNullOrWhiteSpace(form[name]) ? null : form[name].ToString().Trim();
        switch (step)
        {
            case RegisterStep.Start:
                return a;
            case RegisterStep.Name:
                a = a with { FirstNameLatin = Text("FirstNameLatin"), LastNameLatin = Text("LastNameLatin"), FirstNameArabic = Text("FirstNameArabic"), LastNameArabic = Text("LastNameArabic") };
                PersonRules(a, errors, "FirstNameLatin", "LastNameLatin", "FirstNameArabic", "LastNameArabic");
                return a;
            case RegisterStep.BirthDate:
                var (day, month, year) = (Text("BirthDate.Day"), Text("BirthDate.Month"), Text("BirthDate.Year"));
                BirthDateText = (day, month, year);
                if (day is null && month is null && year is null)
                {
                    errors.Add("BirthDate", "Placement.Register.Error.BirthDate");
                    return a;
                }

                if (!int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d) || !int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
                    || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < 1000 || !DateOnly.TryParseExact(
                        string.Create(CultureInfo.InvariantCulture, $"{y:D4}-{m:D2}-{d:D2}"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    errors.Add("BirthDate", "Placement.Register.Error.BirthDateReal");
                    return a;
                }

                a = a with { BirthDate = date };
                PersonRules(a, errors, "BirthDate");
                return a;
            case RegisterStep.Sex:
                var sex = PlacementParsing.ParseEnum<Sex>(Text("Sex"));
                if (sex is null)
                {
                    errors.Add("Sex", "Placement.Register.Error.Choose");
                }

                return a with { Sex = sex };
            case RegisterStep.Phone:
                a = a with { Phone = Text("Phone") };
                if (a.Phone is null)
                {
                    errors.Add("Phone", "Placement.Register.Error.Phone");
                }
                else
                {
                    PersonRules(a, errors, "Phone");
                }

                return a;
            case RegisterStep.Agency:
                var agencies = await registrations.AgenciesAsync(ct);
                var agency = Guid.TryParse(Text("AgencyId"), CultureInfo.InvariantCulture, out var agencyId) && agencies.Any(x => x.Id == agencyId) ? agencyId : (Guid?)null;
                if (agency is null)
                {
                    errors.Add("AgencyId", "Placement.Register.Error.Choose");
                }

                return a with { AgencyId = agency };
            case RegisterStep.Occupation:
                if (action == "skip")
                {
                    return a with { OccupationUri = null, ExperienceYears = null };
                }

                var uri = Text("OccupationUri");
                if (uri is null || !esco.IsOccupation(uri))
                {
                    errors.Add("OccupationUri", "Placement.Register.Error.Occupation");
                    OccupationText = Text("occupationText");
                    return a;
                }

                return a with { OccupationUri = uri };
            case RegisterStep.Experience:
                if (!int.TryParse(Text("ExperienceYears"), NumberStyles.None, CultureInfo.InvariantCulture, out var years) || years > 50)
                {
                    errors.Add("ExperienceYears", "Placement.Register.Error.Years");
                    return a;
                }

                return a with { ExperienceYears = years };
            case RegisterStep.Countries:
                var chosen = form["Countries"].Where(c => c is not null && CountryCodes.Contains(c, StringComparer.Ordinal)).Select(c => c!).Distinct(StringComparer.Ordinal).ToList();
                return a with { Countries = chosen };
            case RegisterStep.Consent:
                var share = Text("Share");
                if (share is not ("yes" or "no"))
                {
                    errors.Add("Share", "Placement.Register.Error.Choose");
                    return a;
                }

                return a with { Share = share == "yes" };
            default:
                return a;
        }
    }

    /// <summary>People's validation of the answers so far, kept to the fields this page asked.</summary>
    private void PersonRules(RegisterAnswers a, FieldErrors errors, params string[] fields)
    {
        var check = people.Validate(new CreatePerson
        {
            FirstNameLatin = a.FirstNameLatin ?? "",
            LastNameLatin = a.LastNameLatin ?? "",
            FirstNameArabic = a.FirstNameArabic,
            LastNameArabic = a.LastNameArabic,
            BirthDate = a.BirthDate ?? new DateOnly(1990, 1, 1),
            Sex = Core.People.Sex.Unspecified,
            Phone = a.Phone,
            MigrationStatus = MigrationStatus.ProspectiveMigrant,
        });
        foreach (var (field, keys) in check.Where(e => fields.Contains(e.Key, StringComparer.Ordinal)))
        {
            foreach (var key in keys)
            {
                errors.Add(field, key);
            }
        }
    }

    private async Task<IActionResult> ShowAsync(RegisterStep step, CancellationToken ct)
    {
        Step = step;
        if (step == RegisterStep.Check)
        {
            Answers = Answers with { Checking = true };
        }

        if (step is RegisterStep.Agency or RegisterStep.Check)
        {
            Agencies = await registrations.AgenciesAsync(ct);
        }

        if (step == RegisterStep.Occupation)
        {
            // Words typed in Arabic script are searched in Arabic whatever the page's language.
            var arabic = OccupationText?.Any(c => c is >= '\u0600' and <= '\u06FF') == true;
            OccupationChoices = esco.Occupations(OccupationText, arabic ? "ar" : Culture, 8);
        }

        if (step == RegisterStep.Consent)
        {
            var latest = await notices.LatestAsync(ct);
            ConsentText = latest.TryGetValue(ConsentPurpose.ShareProfileWithForeignEmployers, out var notice) ? notice.TextFor(Culture) : null;
        }

        State = step == RegisterStep.Done ? "" : Protect(Answers);
        return Page();
    }

    private static RegisterStep Previous(RegisterStep step) => step <= RegisterStep.Name ? RegisterStep.Start : (RegisterStep)((int)step - 1);

    public string OccupationLabel(string? uri) => uri is null ? "" : esco.Find(uri, Culture)?.Label ?? uri;

    public string Label(string field)
    {
        var label = l["Placement.Register.Field." + field];
        return label.ResourceNotFound ? field : label.Value;
    }

    private string Protect(RegisterAnswers answers) =>
        protection.CreateProtector("Mismes.Placement.Register").ToTimeLimitedDataProtector()
            .Protect(JsonSerializer.Serialize(answers, Json), Lifetime);

    private RegisterAnswers? Unprotect(string? state)
    {
        if (string.IsNullOrEmpty(state) || state.Length > 8000)
        {
            return null;
        }

        try
        {
            var json = protection.CreateProtector("Mismes.Placement.Register").ToTimeLimitedDataProtector().Unprotect(state);
            return JsonSerializer.Deserialize<RegisterAnswers>(json, Json);
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }
}
