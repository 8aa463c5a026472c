using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mismes.Core.Administration;
using Mismes.Core.Common;
using Mismes.Core.Data;
using Mismes.Core.Esco;
using Mismes.Core.Evaluation;
using Mismes.Core.People;
using Mismes.Core.Placement.Candidates;
using Mismes.Matching;

namespace Mismes.Core.Recognition;

/// <summary>
/// The validation of skills on return (issue 9; the OFPPT construction pilot): an application with its evidence, an
/// assessment session with named assessors and an outcome per ESCO skill, then a signed certificate. Applications
/// belong to the person's institution; staff see only their institution's; every read of an application is audited.
/// A certificate's validated skills enter the person's placement profile with the evidence "validated".
/// </summary>
public sealed class ValidationService(
    AppDbContext db,
    ICurrentUser user,
    AuditLog audit,
    TimeProvider clock,
    PersonDirectory people,
    EscoLookup esco,
    CandidateService candidates,
    OutcomeRecorder outcomes,
    CredentialKeyRing keys)
{
    public const string RecordType = "ValidationApplication";
    public const string CertificateRecordType = "Certificate";
    public const string CertificateIssued = "validation.certificate-issued";

    private IQueryable<ValidationApplication> Visible() => db.Set<ValidationApplication>().VisibleTo(user, a => a.InstitutionId);

    public async Task<WriteResult<ValidationApplicationView>> ApplyAsync(NewValidationApplication request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        Text(errors, nameof(request.Trade), request.Trade, ValidationLimits.Trade, required: true);
        Text(errors, nameof(request.WorkAbroad), request.WorkAbroad, ValidationLimits.Text, required: false, multiLine: true);
        Text(errors, nameof(request.References), request.References, ValidationLimits.Text, required: false, multiLine: true);
        var country = request.CountryOfWork?.Trim().ToUpperInvariant() ?? "";
        if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper) || country == "MA")
        {
            errors.Add(nameof(request.CountryOfWork), RecognitionErrors.Country);
        }

        if (request.YearsAbroad is < 0 or > ValidationLimits.MaxYears)
        {
            errors.Add(nameof(request.YearsAbroad), RecognitionErrors.Years);
        }

        var skills = (request.SkillUris ?? []).Select(s => s?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
        if (skills.Count == 0)
        {
            errors.Add(nameof(request.SkillUris), RecognitionErrors.Required);
        }
        else if (TextRules.CheckCount(errors, nameof(request.SkillUris), skills, ValidationLimits.MaxSkills) && skills.Any(s => !esco.IsSkill(s)))
        {
            errors.Add(nameof(request.SkillUris), RecognitionErrors.Skill);
        }

        var institution = await people.InstitutionOfAsync(request.PersonId, ct);
        if (institution is null)
        {
            errors.Add(nameof(request.PersonId), RecognitionErrors.Person);
        }

        if (!errors.IsEmpty)
        {
            return WriteResult<ValidationApplicationView>.Invalid(errors);
        }

        var application = new ValidationApplication
        {
            Id = Guid.CreateVersion7(),
            PersonId = request.PersonId,
            InstitutionId = institution!.Value,
            Trade = request.Trade.Trim(),
            CountryOfWork = country,
            YearsAbroad = request.YearsAbroad,
            WorkAbroad = request.WorkAbroad?.Trim() ?? "",
            References = request.References?.Trim() ?? "",
            Status = ValidationStatus.Submitted,
            SubmittedAt = clock.GetUtcNow(),
            SubmittedBy = user.UserId,
            Skills = [.. skills.Select(s => new ValidationSkill { SkillUri = s, Outcome = SkillOutcome.Pending })],
        };
        db.Set<ValidationApplication>().Add(application);
        audit.Add(AuditAction.Create, RecordType, Key(application.Id));
        await outcomes.RecordAsync(new OutcomeInput
        {
            Kind = "validation.applied",
            PersonId = application.PersonId,
            InstitutionId = application.InstitutionId,
            Country = country,
            Subject = "validation:" + Key(application.Id),
        }, ct);
        await db.SaveChangesAsync(ct);
        return WriteResult<ValidationApplicationView>.Ok(await ViewAsync(application, ct));
    }

    /// <summary>The applications of the user's institution, newest first. Names only: not audited as a record read.</summary>
    public async Task<Paged<ValidationApplicationSummary>> ListAsync(PageRequest page, ValidationStatus? status, CancellationToken ct)
    {
        var query = Visible();
        if (status is not null)
        {
            query = query.Where(a => a.Status == status);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.SubmittedAt).ThenByDescending(a => a.Id)
            .Skip(page.Skip).Take(page.PageSize)
            .Select(a => new { a.Id, a.PersonId, a.Trade, a.Status, a.SubmittedAt })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var codes = await db.Set<Certificate>().Where(c => ids.Contains(c.ApplicationId))
            .Select(c => new { c.ApplicationId, c.Code }).ToDictionaryAsync(c => c.ApplicationId, c => c.Code, ct);
        var names = await people.SummariesAsync([.. rows.Select(r => r.PersonId)], ct);
        return new(
            [.. rows.Select(r => new ValidationApplicationSummary(r.Id, r.PersonId, NameOf(names, r.PersonId), r.Trade, r.Status, r.SubmittedAt, codes.GetValueOrDefault(r.Id)))],
            total, page.Page, page.PageSize);
    }

    /// <summary>One application with its skills and certificate; audited. Null when missing or another institution's.</summary>
    public async Task<ValidationApplicationView?> GetAsync(Guid id, CancellationToken ct)
    {
        var application = await Visible().Include(a => a.Skills).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return null;
        }

        await audit.RecordReadAsync(RecordType, Key(id), ct);
        return await ViewAsync(application, ct);
    }

    /// <summary>Adds an ESCO skill to assess, until the application is certified.</summary>
    public Task<WriteResult<ValidationApplicationView>> AddSkillAsync(Guid id, string? skillUri, CancellationToken ct) =>
        ChangeSkillsAsync(id, skillUri, add: true, ct);

    /// <summary>Takes a skill off the application, until it is certified; the last one stays (an application assesses something).</summary>
    public Task<WriteResult<ValidationApplicationView>> RemoveSkillAsync(Guid id, string? skillUri, CancellationToken ct) =>
        ChangeSkillsAsync(id, skillUri, add: false, ct);

    private async Task<WriteResult<ValidationApplicationView>> ChangeSkillsAsync(Guid id, string? skillUri, bool add, CancellationToken ct)
    {
        var application = await Visible().Include(a => a.Skills).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return WriteResult<ValidationApplicationView>.NotFound();
        }

        if (application.Status == ValidationStatus.Certified)
        {
            return WriteResult<ValidationApplicationView>.Conflict(RecognitionErrors.AlreadyCertified);
        }

        var uri = skillUri?.Trim() ?? "";
        var existing = application.Skills.FirstOrDefault(s => s.SkillUri == uri);
        if (add)
        {
            if (!esco.IsSkill(uri))
            {
                return WriteResult<ValidationApplicationView>.Invalid("SkillUri", RecognitionErrors.Skill);
            }

            if (existing is null && application.Skills.Count >= ValidationLimits.MaxSkills)
            {
                return WriteResult<ValidationApplicationView>.Invalid("SkillUri", TextRules.TooManyItemsError);
            }

            if (existing is null)
            {
                application.Skills.Add(new ValidationSkill { ApplicationId = id, SkillUri = uri, Outcome = SkillOutcome.Pending });
            }
        }
        else if (existing is not null)
        {
            if (application.Skills.Count == 1)
            {
                return WriteResult<ValidationApplicationView>.Invalid("SkillUri", RecognitionErrors.Required);
            }

            application.Skills.Remove(existing);
        }

        audit.Add(AuditAction.Update, RecordType, Key(id), add ? "skill-added" : "skill-removed");
        await db.SaveChangesAsync(ct);
        return WriteResult<ValidationApplicationView>.Ok(await ViewAsync(application, ct));
    }

    /// <summary>Records the assessment session: the date, the assessors, the level reached and which skills were validated.</summary>
    public async Task<WriteResult<ValidationApplicationView>> AssessAsync(Guid id, AssessmentInput input, CancellationToken ct)
    {
        var application = await Visible().Include(a => a.Skills).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return WriteResult<ValidationApplicationView>.NotFound();
        }

        if (application.Status == ValidationStatus.Certified)
        {
            return WriteResult<ValidationApplicationView>.Conflict(RecognitionErrors.AlreadyCertified);
        }

        var errors = new FieldErrors();
        var assessors = (input.Assessors ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (assessors.Count == 0)
        {
            errors.Add(nameof(input.Assessors), RecognitionErrors.Required);
        }
        else
        {
            Text(errors, nameof(input.Assessors), string.Join('\n', assessors), ValidationLimits.Assessors, required: true, multiLine: true);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (input.AssessedOn > today || input.AssessedOn < DateOnly.FromDateTime(application.SubmittedAt.UtcDateTime).AddYears(-1))
        {
            errors.Add(nameof(input.AssessedOn), RecognitionErrors.Date);
        }

        if (input.EqfLevel is < 1 or > 8)
        {
            errors.Add(nameof(input.EqfLevel), RecognitionErrors.Eqf);
        }

        var validated = (input.Validated ?? []).Select(s => s?.Trim() ?? "").ToHashSet(StringComparer.Ordinal);
        if (validated.Any(v => application.Skills.All(s => s.SkillUri != v)))
        {
            errors.Add(nameof(input.Validated), RecognitionErrors.SkillNotInApplication);
        }

        if (!errors.IsEmpty)
        {
            return WriteResult<ValidationApplicationView>.Invalid(errors);
        }

        foreach (var skill in application.Skills)
        {
            skill.Outcome = validated.Contains(skill.SkillUri) ? SkillOutcome.Validated : SkillOutcome.NotValidated;
        }

        application.AssessedOn = input.AssessedOn;
        application.Assessors = string.Join('\n', assessors);
        application.EqfLevel = input.EqfLevel;
        application.Status = ValidationStatus.Assessed;
        audit.Add(AuditAction.Update, RecordType, Key(id), "assessment");
        await db.SaveChangesAsync(ct);
        return WriteResult<ValidationApplicationView>.Ok(await ViewAsync(application, ct));
    }

    /// <summary>
    /// Issues the certificate of an assessed application with at least one validated skill: a short code, the signed
    /// credential, the outcome event, and each validated skill in the placement profile as "validated" — all in one
    /// transaction, so a certificate never exists without its profile update or the other way round.
    /// </summary>
    public async Task<WriteResult<CertificateView>> CertifyAsync(Guid id, string verificationBaseUrl, CancellationToken ct)
    {
        var application = await Visible().Include(a => a.Skills).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return WriteResult<CertificateView>.NotFound();
        }

        if (application.Status == ValidationStatus.Certified)
        {
            return WriteResult<CertificateView>.Conflict(RecognitionErrors.AlreadyCertified);
        }

        if (application.Status != ValidationStatus.Assessed || application.EqfLevel is null)
        {
            return WriteResult<CertificateView>.Conflict(RecognitionErrors.NotAssessed);
        }

        var skills = application.Skills.Where(s => s.Outcome == SkillOutcome.Validated).Select(s => s.SkillUri).Order(StringComparer.Ordinal).ToList();
        if (skills.Count == 0)
        {
            return WriteResult<CertificateView>.Conflict(RecognitionErrors.NothingValidated);
        }

        var names = await people.SummariesAsync([application.PersonId], ct);
        var issuer = await db.Set<Institution>().Where(i => i.Id == application.InstitutionId).Select(i => new { i.Code, i.Name }).SingleAsync(ct);
        var signing = await keys.ActiveAsync(ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var certificate = new Certificate
        {
            Id = Guid.CreateVersion7(),
            Code = CertificateCode.New(),
            ApplicationId = application.Id,
            PersonId = application.PersonId,
            InstitutionId = application.InstitutionId,
            HolderName = NameOf(names, application.PersonId),
            IssuerName = issuer.Name,
            Trade = application.Trade,
            EqfLevel = application.EqfLevel.Value,
            SkillUris = string.Join('\n', skills),
            IssuedAt = clock.GetUtcNow(),
            KeyId = signing.Key.KeyId,
        };
        var baseUrl = verificationBaseUrl.TrimEnd('/');
        certificate.Credential = VerifiableCredential.Sign(new CredentialClaims(
            certificate.Id, certificate.Code, certificate.HolderName, certificate.IssuerName,
            baseUrl + "/Catalogue?institution=" + Uri.EscapeDataString(issuer.Code),
            baseUrl + "/Verify/" + certificate.Code,
            certificate.Trade, certificate.EqfLevel, skills, certificate.IssuedAt), signing);
        db.Set<Certificate>().Add(certificate);
        application.Status = ValidationStatus.Certified;
        audit.Add(AuditAction.Create, CertificateRecordType, Key(certificate.Id), "application:" + Key(application.Id));
        await outcomes.RecordAsync(new OutcomeInput
        {
            Kind = CertificateIssued,
            PersonId = application.PersonId,
            InstitutionId = application.InstitutionId,
            Country = application.CountryOfWork,
            Subject = "certificate:" + certificate.Code,
            Facts = new Dictionary<string, string>
            {
                ["eqf"] = certificate.EqfLevel.ToString(CultureInfo.InvariantCulture),
                ["skills"] = skills.Count.ToString(CultureInfo.InvariantCulture),
            },
        }, ct);
        await db.SaveChangesAsync(ct);

        // The placement profile's own service saves each skill; inside this transaction, so all or nothing.
        foreach (var skill in skills)
        {
            var added = await candidates.AddSkillEvidenceAsync(application.PersonId, skill, SkillEvidence.Validated, ct);
            if (!added.Succeeded)
            {
                throw new InvalidOperationException("A validated skill could not enter the placement profile: " + added.Outcome);
            }
        }

        await transaction.CommitAsync(ct);
        return WriteResult<CertificateView>.Ok(CertificateView.Of(certificate));
    }

    /// <summary>Revokes a certificate; the verification page shows it as revoked from now on, with the date.</summary>
    public async Task<WriteResult<CertificateView>> RevokeAsync(Guid certificateId, string? reason, CancellationToken ct)
    {
        var certificate = await db.Set<Certificate>().VisibleTo(user, c => c.InstitutionId).FirstOrDefaultAsync(c => c.Id == certificateId, ct);
        if (certificate is null)
        {
            return WriteResult<CertificateView>.NotFound();
        }

        if (certificate.RevokedAt is not null)
        {
            return WriteResult<CertificateView>.Conflict(RecognitionErrors.AlreadyRevoked);
        }

        var errors = new FieldErrors();
        Text(errors, "Reason", reason, ValidationLimits.Reason, required: true, multiLine: true);
        if (!errors.IsEmpty)
        {
            return WriteResult<CertificateView>.Invalid(errors);
        }

        certificate.RevokedAt = clock.GetUtcNow();
        certificate.RevocationReason = reason!.Trim();
        audit.Add(AuditAction.Update, CertificateRecordType, Key(certificate.Id), "revoked");
        await db.SaveChangesAsync(ct);
        return WriteResult<CertificateView>.Ok(CertificateView.Of(certificate));
    }

    /// <summary>
    /// The public verification of a certificate by its code (no sign-in): what it states and whether it is revoked.
    /// The holder shares the code to prove the certificate, so showing it is a disclosure she chose; it is still audited,
    /// as a read by nobody, under the issuing institution.
    /// </summary>
    public async Task<CertificateVerification?> VerifyAsync(string? code, CancellationToken ct)
    {
        var normalized = CertificateCode.Normalize(code);
        if (normalized is null)
        {
            return null;
        }

        var certificate = await db.Set<Certificate>().AsNoTracking().FirstOrDefaultAsync(c => c.Code == normalized, ct);
        if (certificate is null)
        {
            return null;
        }

        await audit.RecordForAsync(null, certificate.InstitutionId, AuditAction.Read, CertificateRecordType, Key(certificate.Id), ct);
        return new(CertificateView.Of(certificate), certificate.Credential);
    }

    private async Task<ValidationApplicationView> ViewAsync(ValidationApplication a, CancellationToken ct)
    {
        var names = await people.SummariesAsync([a.PersonId], ct);
        var certificate = await db.Set<Certificate>().AsNoTracking().FirstOrDefaultAsync(c => c.ApplicationId == a.Id, ct);
        return new(a.Id, a.PersonId, NameOf(names, a.PersonId), a.Trade, a.CountryOfWork, a.YearsAbroad, a.WorkAbroad, a.References,
            a.Status, a.SubmittedAt, a.AssessedOn, a.Assessors, a.EqfLevel,
            [.. a.Skills.OrderBy(s => s.SkillUri, StringComparer.Ordinal).Select(s => new ValidationSkillView(s.SkillUri, s.Outcome))],
            certificate is null ? null : CertificateView.Of(certificate));
    }

    private static string NameOf(IReadOnlyDictionary<Guid, PersonSummary> names, Guid id) =>
        names.TryGetValue(id, out var p) ? $"{p.FirstNameLatin} {p.LastNameLatin}" : "";

    private static string Key(Guid id) => id.ToString("D");

    private static void Text(FieldErrors errors, string field, string? value, int max, bool required, bool multiLine = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, RecognitionErrors.Required);
            }

            return;
        }

        if (value.Trim().Length > max)
        {
            errors.Add(field, RecognitionErrors.TooLong);
        }

        TextRules.Check(errors, field, value, multiLine);
    }
}
