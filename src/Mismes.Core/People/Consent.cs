using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mismes.Core.Seeding;

namespace Mismes.Core.People;

/// <summary>What a person may agree to, each separately (issue 2).</summary>
public enum ConsentPurpose
{
    ShareProfileWithForeignEmployers,
    ContactByExpertProgrammes,
    FollowUpSurveys,
    ShareWithPartnerInstitutions,
}

public enum ConsentChannel
{
    InPerson,
    Phone,
    Web,
    Paper,
}

/// <summary>
/// One giving or withdrawal of consent. Records are never changed: the current consent for a purpose is the
/// latest record for it.
/// </summary>
public sealed class ConsentRecord
{
    public long Id { get; set; }

    public Guid PersonId { get; set; }

    public ConsentPurpose Purpose { get; set; }

    public bool Given { get; set; }

    public DateTimeOffset At { get; set; }

    public ConsentChannel Channel { get; set; }

    /// <summary>Version of the <see cref="ConsentNotice"/> shown to the person.</summary>
    public int NoticeVersion { get; set; }

    public Guid? UserId { get; set; }
}

/// <summary>The text shown to the person when asking for consent, per purpose and version, in the four languages.</summary>
public sealed class ConsentNotice
{
    public int Id { get; set; }

    public ConsentPurpose Purpose { get; set; }

    public int Version { get; set; }

    public required string TextFr { get; set; }

    public required string TextAr { get; set; }

    public required string TextEn { get; set; }

    public required string TextEs { get; set; }

    public string TextFor(string culture) => culture switch
    {
        _ when culture.StartsWith("ar", StringComparison.Ordinal) => TextAr,
        _ when culture.StartsWith("en", StringComparison.Ordinal) => TextEn,
        _ when culture.StartsWith("es", StringComparison.Ordinal) => TextEs,
        _ => TextFr,
    };
}

/// <summary>The consent notices people are shown, for the pages that ask for consent.</summary>
public sealed class ConsentNoticeService(Data.AppDbContext db)
{
    /// <summary>The latest notice per purpose.</summary>
    public async Task<IReadOnlyDictionary<ConsentPurpose, ConsentNotice>> LatestAsync(CancellationToken ct)
    {
        var notices = await db.Set<ConsentNotice>().AsNoTracking().ToListAsync(ct);
        return notices.GroupBy(n => n.Purpose).ToDictionary(g => g.Key, g => g.OrderByDescending(n => n.Version).First());
    }
}

internal sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> builder)
    {
        builder.ToTable("PersonConsents");
        builder.Property(c => c.Purpose).HasConversion<string>().HasMaxLength(60);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(c => new { c.PersonId, c.Purpose, c.At });
    }
}

internal sealed class ConsentNoticeConfiguration : IEntityTypeConfiguration<ConsentNotice>
{
    public void Configure(EntityTypeBuilder<ConsentNotice> builder)
    {
        builder.ToTable("ConsentNotices");
        builder.Property(n => n.Purpose).HasConversion<string>().HasMaxLength(60);
        builder.Property(n => n.TextFr).HasMaxLength(2000);
        builder.Property(n => n.TextAr).HasMaxLength(2000);
        builder.Property(n => n.TextEn).HasMaxLength(2000);
        builder.Property(n => n.TextEs).HasMaxLength(2000);
        builder.HasIndex(n => new { n.Purpose, n.Version }).IsUnique();
    }
}

/// <summary>Version 1 of each consent notice: reference data every installation needs.</summary>
internal sealed class ConsentNoticeSeeder(Data.AppDbContext db) : IReferenceDataSeeder
{
    public int Order => 20;

    public static IReadOnlyList<ConsentNotice> Version1 { get; } =
    [
        new()
        {
            Purpose = ConsentPurpose.ShareProfileWithForeignEmployers, Version = 1,
            TextFr = "J'accepte que mon profil (formation, langues, expérience) soit communiqué à des employeurs étrangers qui proposent des offres d'emploi par l'intermédiaire de l'ANAPEC ou d'un partenaire. Je peux retirer mon accord à tout moment.",
            TextAr = "أوافق على إطلاع أرباب عمل أجانب يقترحون عروض شغل عبر الوكالة الوطنية لإنعاش التشغيل والكفاءات أو أحد شركائها على ملفي (التكوين، اللغات، الخبرة). يمكنني سحب موافقتي في أي وقت.",
            TextEn = "I agree that my profile (education, languages, experience) may be shared with foreign employers offering jobs through ANAPEC or a partner. I can withdraw my agreement at any time.",
            TextEs = "Acepto que mi perfil (formación, idiomas, experiencia) se comunique a empleadores extranjeros que ofrecen empleos a través de la ANAPEC o de un socio. Puedo retirar mi consentimiento en cualquier momento.",
        },
        new()
        {
            Purpose = ConsentPurpose.ContactByExpertProgrammes, Version = 1,
            TextFr = "J'accepte d'être contacté(e) par les programmes de mobilisation des compétences (missions d'expertise, réseaux de la diaspora). Je peux retirer mon accord à tout moment.",
            TextAr = "أوافق على أن تتصل بي برامج تعبئة الكفاءات (مهام الخبرة، شبكات مغاربة العالم). يمكنني سحب موافقتي في أي وقت.",
            TextEn = "I agree to be contacted by skills mobilisation programmes (expert missions, diaspora networks). I can withdraw my agreement at any time.",
            TextEs = "Acepto que me contacten los programas de movilización de competencias (misiones de expertos, redes de la diáspora). Puedo retirar mi consentimiento en cualquier momento.",
        },
        new()
        {
            Purpose = ConsentPurpose.FollowUpSurveys, Version = 1,
            TextFr = "J'accepte de répondre à des enquêtes de suivi sur ma situation après avoir bénéficié d'une mesure. Je peux retirer mon accord à tout moment.",
            TextAr = "أوافق على الإجابة عن استطلاعات تتبع وضعيتي بعد استفادتي من أحد التدابير. يمكنني سحب موافقتي في أي وقت.",
            TextEn = "I agree to answer follow-up surveys about my situation after taking part in a measure. I can withdraw my agreement at any time.",
            TextEs = "Acepto responder a encuestas de seguimiento sobre mi situación después de haber participado en una medida. Puedo retirar mi consentimiento en cualquier momento.",
        },
        new()
        {
            Purpose = ConsentPurpose.ShareWithPartnerInstitutions, Version = 1,
            TextFr = "J'accepte que mon dossier soit partagé avec les autres institutions partenaires de Mismes qui m'accompagnent. Je peux retirer mon accord à tout moment.",
            TextAr = "أوافق على مشاركة ملفي مع المؤسسات الشريكة الأخرى في منصة ميسمس التي ترافقني. يمكنني سحب موافقتي في أي وقت.",
            TextEn = "I agree that my record may be shared with the other Mismes partner institutions supporting me. I can withdraw my agreement at any time.",
            TextEs = "Acepto que mi expediente se comparta con las demás instituciones asociadas de Mismes que me acompañan. Puedo retirar mi consentimiento en cualquier momento.",
        },
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var existing = await db.Set<ConsentNotice>().Select(n => new { n.Purpose, n.Version }).ToListAsync(ct);
        foreach (var notice in Version1)
        {
            if (!existing.Any(e => e.Purpose == notice.Purpose && e.Version == notice.Version))
            {
                db.Set<ConsentNotice>().Add(new ConsentNotice
                {
                    Purpose = notice.Purpose, Version = notice.Version,
                    TextFr = notice.TextFr, TextAr = notice.TextAr, TextEn = notice.TextEn, TextEs = notice.TextEs,
                });
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
