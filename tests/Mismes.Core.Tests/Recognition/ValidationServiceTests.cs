using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using Mismes.Core.Administration;
using Mismes.Core.Common;
using Mismes.Core.Data;
using Mismes.Core.Evaluation;
using Mismes.Core.People;
using Mismes.Core.Recognition;
using Mismes.Matching;
using Mismes.TestCommon;
using Mismes.TestCommon.Placement;

namespace Mismes.Core.Tests.Recognition;

/// <summary>Issue 9, validation of skills on return: assessment, signed certificates that verify offline, revocation, rotation.</summary>
public sealed class ValidationServiceTests(CandidateTestDatabase database) : IClassFixture<CandidateTestDatabase>
{
    private const string BaseUrl = "https://mismes.example.ma";

    // One key-protection provider for the whole class, as the host has one key ring shared by its nodes.
    private static readonly IDataProtectionProvider Protection = new EphemeralDataProtectionProvider();

    private static readonly string[] MasonSkills = [.. TestEsco.EssentialSkillsOf(TestEsco.Occupation("maçon")).Take(4)];

    private ValidationService Service(AppDbContext db, ICurrentUser user) => new(
        db, user, new AuditLog(db, user, database.Clock), database.Clock, new PersonDirectory(db, user), CandidateTestDatabase.Esco,
        database.Candidates(db, user), new OutcomeRecorder(db, database.People(db, user), database.Clock), Keys(db));

    private CredentialKeyRing Keys(AppDbContext db) => new(db, Protection, database.Clock);

    private async Task<string> KeySetAsync()
    {
        await using var db = database.NewContext();
        return await Keys(db).PublishedKeySetAsync(CancellationToken.None);
    }

    private async Task<(FakeCurrentUser Assessor, Guid PersonId)> ReturneeAsync(string institution)
    {
        var assessor = new FakeCurrentUser(await database.AddInstitutionAsync(institution), Roles.CaseWorker);
        return (assessor, await database.AddPersonAsync(assessor, consent: false));
    }

    private static NewValidationApplication Application(Guid personId) => new()
    {
        PersonId = personId,
        Trade = "Maçonnerie",
        CountryOfWork = "ES",
        YearsAbroad = 6,
        WorkAbroad = "Chantiers de logements à Murcie, 2018–2024",
        References = "Construcciones Segura, chef de chantier",
        SkillUris = MasonSkills,
    };

    /// <summary>An application assessed with the first three skills validated, certified; its certificate.</summary>
    private async Task<(CertificateView Certificate, FakeCurrentUser Assessor, Guid PersonId, Guid ApplicationId)> CertifiedAsync(string institution)
    {
        var (assessor, personId) = await ReturneeAsync(institution);
        await using var db = database.NewContext();
        var service = Service(db, assessor);
        var applied = await service.ApplyAsync(Application(personId), CancellationToken.None);
        Assert.True(applied.Succeeded, string.Join("; ", applied.Errors.Select(e => e.Key + ": " + string.Join(",", e.Value))));
        var assessed = await service.AssessAsync(applied.Value!.Id, new AssessmentInput
        {
            AssessedOn = new DateOnly(2026, 10, 28),
            Assessors = "Rachid Alaoui\nSanaa Tazi",
            EqfLevel = 3,
            Validated = MasonSkills[..3],
        }, CancellationToken.None);
        Assert.True(assessed.Succeeded);
        var certified = await service.CertifyAsync(applied.Value.Id, BaseUrl, CancellationToken.None);
        Assert.True(certified.Succeeded, certified.Outcome + " " + certified.ConflictKey);
        return (certified.Value!, assessor, personId, applied.Value.Id);
    }

    [Fact]
    public async Task Certify_TheCredentialVerifiesAgainstThePublishedKeys_AndStatesLevelAndSkills()
    {
        var (certificate, _, _, _) = await CertifiedAsync("OFPPT-VAL1");
        await using var db = database.NewContext();
        var verification = await Service(db, new FakeCurrentUser(null)).VerifyAsync(certificate.Code, CancellationToken.None);

        var check = await VerifiableCredential.VerifyAsync(verification!.Credential, await KeySetAsync());

        Assert.True(check.Valid, check.Reason);
        var header = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(verification.Credential.Split('.')[0]));
        Assert.Contains("\"alg\":\"ES256\"", header, StringComparison.Ordinal);
        Assert.Contains("\"typ\":\"vc+jwt\"", header, StringComparison.Ordinal);
        var vc = check.Credential!;
        Assert.Equal("https://www.w3.org/ns/credentials/v2", vc["@context"]![0]!.GetValue<string>());
        Assert.Equal("urn:uuid:" + certificate.Id, vc["id"]!.GetValue<string>());
        var spec = vc["credentialSubject"]!["hasClaim"]!["specifiedBy"]!;
        Assert.Equal("http://data.europa.eu/snb/eqf/3", spec["eqfLevel"]!.GetValue<string>());
        var skills = spec["learningOutcome"]!.AsArray().Select(o => o!["relatedESCOSkill"]![0]!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(MasonSkills[..3].Order(StringComparer.Ordinal), skills);
        Assert.Equal(BaseUrl + "/Verify/" + certificate.Code, vc["credentialStatus"]!["id"]!.GetValue<string>());
        Assert.Equal("Khadija Bennani", vc["credentialSubject"]!["fullName"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(0)] // the header
    [InlineData(1)] // the credential itself
    [InlineData(2)] // the signature
    public async Task Credential_OneCharacterChanged_FailsVerification(int part)
    {
        var (certificate, _, _, _) = await CertifiedAsync("OFPPT-VAL2-" + part);
        string credential;
        await using (var db = database.NewContext())
        {
            credential = (await Service(db, new FakeCurrentUser(null)).VerifyAsync(certificate.Code, CancellationToken.None))!.Credential;
        }

        var parts = credential.Split('.');
        var segment = parts[part].ToCharArray();
        var i = segment.Length / 2;
        segment[i] = segment[i] == 'A' ? 'B' : 'A';
        parts[part] = new string(segment);

        var check = await VerifiableCredential.VerifyAsync(string.Join('.', parts), await KeySetAsync());

        Assert.False(check.Valid);
    }

    [Fact]
    public async Task Verify_GarbageOrAnotherKeySet_IsNotValid_AndNeverThrows()
    {
        var (certificate, _, _, _) = await CertifiedAsync("OFPPT-VAL3");
        await using var db = database.NewContext();
        var credential = (await Service(db, new FakeCurrentUser(null)).VerifyAsync(certificate.Code, CancellationToken.None))!.Credential;
        using var stranger = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var p = stranger.ExportParameters(false);
        var kid = credential.Split('.')[0];
        var otherSet = $$"""{"keys":[{"kty":"EC","crv":"P-256","x":"{{Base64UrlEncoder.Encode(p.Q.X!)}}","y":"{{Base64UrlEncoder.Encode(p.Q.Y!)}}","use":"sig","alg":"ES256"}]}""";

        Assert.False((await VerifiableCredential.VerifyAsync(credential, otherSet)).Valid);
        Assert.False((await VerifiableCredential.VerifyAsync("not.a.jws", await KeySetAsync())).Valid);
        Assert.False((await VerifiableCredential.VerifyAsync("", await KeySetAsync())).Valid);
        Assert.False((await VerifiableCredential.VerifyAsync(credential, "{not json")).Valid);
        Assert.NotEmpty(kid);
    }

    [Fact]
    public async Task Rotation_ACredentialSignedWithTheRetiredKey_StillVerifies_NewOnesUseTheNewKey()
    {
        var (before, _, _, _) = await CertifiedAsync("OFPPT-VAL4A");
        string newKey;
        await using (var db = database.NewContext())
        {
            newKey = await Keys(db).RotateAsync(CancellationToken.None);
        }

        var (after, _, _, _) = await CertifiedAsync("OFPPT-VAL4B");
        var keySet = await KeySetAsync();
        await using var read = database.NewContext();
        var service = Service(read, new FakeCurrentUser(null));
        var old = await VerifiableCredential.VerifyAsync((await service.VerifyAsync(before.Code, CancellationToken.None))!.Credential, keySet);
        var fresh = await VerifiableCredential.VerifyAsync((await service.VerifyAsync(after.Code, CancellationToken.None))!.Credential, keySet);

        Assert.True(old.Valid, old.Reason);
        Assert.True(fresh.Valid, fresh.Reason);
        Assert.Equal(newKey, fresh.KeyId);
        Assert.NotEqual(newKey, old.KeyId);
        Assert.True(await read.Set<CredentialSigningKey>().AnyAsync(k => k.KeyId == old.KeyId && k.RetiredAt != null));
    }

    [Fact]
    public async Task Revoke_TheVerificationShowsItRevokedWithTheReason_AndASecondRevocationConflicts()
    {
        var (certificate, assessor, _, _) = await CertifiedAsync("OFPPT-VAL5");
        await using (var db = database.NewContext())
        {
            var revoked = await Service(db, assessor).RevokeAsync(certificate.Id, "Erreur sur le niveau attribué", CancellationToken.None);
            Assert.True(revoked.Succeeded);
            var again = await Service(db, assessor).RevokeAsync(certificate.Id, "encore", CancellationToken.None);
            Assert.Equal(RecognitionErrors.AlreadyRevoked, again.ConflictKey);
        }

        await using var read = database.NewContext();
        var verification = await Service(read, new FakeCurrentUser(null)).VerifyAsync(certificate.Code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), CancellationToken.None);
        Assert.True(verification!.Certificate.Revoked);
        Assert.Equal("Erreur sur le niveau attribué", verification.Certificate.RevocationReason);
    }

    [Fact]
    public async Task Revoke_WithoutAReason_IsAFieldError_AndAnotherInstitutionCannotRevoke()
    {
        var (certificate, assessor, _, _) = await CertifiedAsync("OFPPT-VAL6");
        var stranger = new FakeCurrentUser(await database.AddInstitutionAsync("OFPPT-VAL6X"), Roles.CaseWorker);
        await using var db = database.NewContext();

        var noReason = await Service(db, assessor).RevokeAsync(certificate.Id, "  ", CancellationToken.None);
        var other = await Service(db, stranger).RevokeAsync(certificate.Id, "pas le mien", CancellationToken.None);

        Assert.Equal(RecognitionErrors.Required, Assert.Single(noReason.Errors["Reason"]));
        Assert.Equal(WriteOutcome.NotFound, other.Outcome);
        await using var read = database.NewContext();
        Assert.Null((await read.Set<Certificate>().SingleAsync(c => c.Id == certificate.Id)).RevokedAt);
    }

    [Fact]
    public async Task Certify_ValidatedSkillsEnterThePlacementProfile_AsValidated_AndTheOutcomeIsRecorded()
    {
        var (certificate, assessor, personId, _) = await CertifiedAsync("OFPPT-VAL7");
        await using var db = database.NewContext();

        var record = await database.Candidates(db, assessor).GetAsync(personId, CancellationToken.None);

        var skills = record!.Profile!.Skills.ToDictionary(s => s.SkillUri, s => s.Evidence);
        Assert.Equal(MasonSkills[..3].Order(StringComparer.Ordinal), skills.Keys.Order(StringComparer.Ordinal));
        Assert.All(skills.Values, e => Assert.Equal(SkillEvidence.Validated, e));
        Assert.DoesNotContain(MasonSkills[3], skills.Keys);
        var issued = await db.Set<OutcomeEvent>().SingleAsync(e => e.PersonId == personId && e.Kind == ValidationService.CertificateIssued);
        Assert.Equal(("certificate:" + certificate.Code, "ES"), (issued.Subject, issued.Country));
    }

    [Fact]
    public async Task AnotherInstitution_DoesNotSeeTheApplication_NorListIt_NorCertifyIt()
    {
        var (_, assessor, _, applicationId) = await CertifiedAsync("OFPPT-VAL8");
        var stranger = new FakeCurrentUser(await database.AddInstitutionAsync("OFPPT-VAL8X"), Roles.CaseWorker);
        await using var db = database.NewContext();
        var service = Service(db, stranger);

        Assert.Null(await service.GetAsync(applicationId, CancellationToken.None));
        Assert.DoesNotContain((await service.ListAsync(new(), null, CancellationToken.None)).Items, a => a.Id == applicationId);
        Assert.Equal(WriteOutcome.NotFound, (await service.CertifyAsync(applicationId, BaseUrl, CancellationToken.None)).Outcome);
        Assert.Contains((await Service(db, assessor).ListAsync(new(), null, CancellationToken.None)).Items, a => a.Id == applicationId && a.CertificateCode != null);
    }

    [Fact]
    public async Task Get_IsAudited_AndThePublicVerificationIsAuditedUnderTheIssuer()
    {
        var (certificate, assessor, _, applicationId) = await CertifiedAsync("OFPPT-VAL9");
        await using var db = database.NewContext();
        await Service(db, assessor).GetAsync(applicationId, CancellationToken.None);
        await Service(db, new FakeCurrentUser(null)).VerifyAsync(certificate.Code, CancellationToken.None);

        Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.RecordType == ValidationService.RecordType && a.RecordId == applicationId.ToString() && a.Action == AuditAction.Read));
        Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.RecordType == ValidationService.CertificateRecordType && a.RecordId == certificate.Id.ToString()
            && a.Action == AuditAction.Read && a.InstitutionId == assessor.InstitutionId && a.UserId == null));
    }

    [Fact]
    public async Task Apply_BadInput_FieldErrorPerField_NothingWritten()
    {
        var (assessor, personId) = await ReturneeAsync("OFPPT-VAL10");
        await using var db = database.NewContext();

        var result = await Service(db, assessor).ApplyAsync(Application(personId) with
        {
            Trade = " ",
            CountryOfWork = "MA",
            YearsAbroad = 99,
            WorkAbroad = "ligne\u0000nulle",
            SkillUris = ["http://data.europa.eu/esco/skill/not-a-skill"],
        }, CancellationToken.None);
        var unknownPerson = await Service(db, assessor).ApplyAsync(Application(Guid.NewGuid()), CancellationToken.None);

        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        Assert.Equal(RecognitionErrors.Required, Assert.Single(result.Errors["Trade"]));
        Assert.Equal(RecognitionErrors.Country, Assert.Single(result.Errors["CountryOfWork"]));
        Assert.Equal(RecognitionErrors.Years, Assert.Single(result.Errors["YearsAbroad"]));
        Assert.Equal(TextRules.ControlCharactersError, Assert.Single(result.Errors["WorkAbroad"]));
        Assert.Equal(RecognitionErrors.Skill, Assert.Single(result.Errors["SkillUris"]));
        Assert.Equal(RecognitionErrors.Person, Assert.Single(unknownPerson.Errors["PersonId"]));
        Assert.False(await db.Set<ValidationApplication>().AnyAsync(a => a.PersonId == personId));
    }


    [Fact]
    public async Task Certify_BeforeAssessment_OrWithNothingValidated_Conflicts_AndAssessingAnUnknownSkillIsAFieldError()
    {
        var (assessor, personId) = await ReturneeAsync("OFPPT-VAL11");
        await using var db = database.NewContext();
        var service = Service(db, assessor);
        var id = (await service.ApplyAsync(Application(personId), CancellationToken.None)).Value!.Id;

        Assert.Equal(RecognitionErrors.NotAssessed, (await service.CertifyAsync(id, BaseUrl, CancellationToken.None)).ConflictKey);
        var unknown = await service.AssessAsync(id, new AssessmentInput { AssessedOn = new(2026, 10, 1), Assessors = "A. Assessor", EqfLevel = 9, Validated = ["http://data.europa.eu/esco/skill/elsewhere"] }, CancellationToken.None);
        Assert.Equal(RecognitionErrors.SkillNotInApplication, Assert.Single(unknown.Errors["Validated"]));
        Assert.Equal(RecognitionErrors.Eqf, Assert.Single(unknown.Errors["EqfLevel"]));
        var future = await service.AssessAsync(id, new AssessmentInput { AssessedOn = new(2027, 1, 1), Assessors = "", EqfLevel = 3, Validated = [] }, CancellationToken.None);
        Assert.Equal(RecognitionErrors.Date, Assert.Single(future.Errors["AssessedOn"]));
        Assert.Equal(RecognitionErrors.Required, Assert.Single(future.Errors["Assessors"]));

        Assert.True((await service.AssessAsync(id, new AssessmentInput { AssessedOn = new(2026, 10, 1), Assessors = "A. Assessor", EqfLevel = 2, Validated = [] }, CancellationToken.None)).Succeeded);
        Assert.Equal(RecognitionErrors.NothingValidated, (await service.CertifyAsync(id, BaseUrl, CancellationToken.None)).ConflictKey);
        Assert.False(await db.Set<Certificate>().AnyAsync(c => c.ApplicationId == id));
    }

    [Theory]
    [InlineData("7KQ2M-X9RTA", "7KQ2M-X9RTA")]
    [InlineData("7kq2m x9rta", "7KQ2M-X9RTA")]
    [InlineData("7KQ2MX9RTA", "7KQ2M-X9RTA")]
    [InlineData("OKQ2M-X9RTL", "0KQ2M-X9RT1")]
    [InlineData("7KQ2M-X9RT", null)]
    [InlineData("7KQ2M-X9RTAB", null)]
    [InlineData("7KQ2M-X9RT!", null)]
    [InlineData("", null)]
    public void CertificateCode_AsTyped_NormalizedOrRefused(string typed, string? expected) =>
        Assert.Equal(expected, CertificateCode.Normalize(typed));

    [Fact]
    public void CertificateCode_New_IsItsOwnNormalForm_AndDiffers()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => CertificateCode.New()).ToList();
        Assert.All(codes, c => Assert.Equal(c, CertificateCode.Normalize(c)));
        Assert.Equal(200, codes.Distinct(StringComparer.Ordinal).Count());
    }
}
