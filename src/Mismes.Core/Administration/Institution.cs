using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mismes.Core.Administration;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<InstitutionKind>))]
public enum InstitutionKind
{
    PublicEmploymentService,
    Ministry,
    TrainingProvider,
    ResearchCentre,
    InternationalOrganisation,
    ForeignAgency,
    Ngo,
    Employer,
    ForeignEmploymentService,
}

/// <summary>ANAPEC and its agencies, MCMREAM, OFPPT, CNRST, IOM, OFII, NGOs, employers, foreign employment services.</summary>
public sealed class Institution
{
    public Guid Id { get; set; }

    /// <summary>Short stable code, e.g. ANAPEC, ANAPEC-TNG (an agency), IOM-MA.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public InstitutionKind Kind { get; set; }

    /// <summary>ISO 3166-1 alpha-2 country of the institution (MA for Moroccan ones).</summary>
    public string Country { get; set; } = "MA";

    /// <summary>An ANAPEC agency points to ANAPEC.</summary>
    public Guid? ParentId { get; set; }

    public bool IsDemo { get; set; }
}

internal sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> builder)
    {
        builder.HasIndex(i => i.Code).IsUnique();
        builder.Property(i => i.Code).HasMaxLength(40);
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.Country).HasMaxLength(2);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(40);
        builder.HasOne<Institution>().WithMany().HasForeignKey(i => i.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Looks institutions up by id for the platform (the sign-in cookie carries the institution's name).</summary>
public sealed class InstitutionDirectory(Data.AppDbContext db)
{
    public Task<string?> NameAsync(Guid id, CancellationToken ct) =>
        db.Set<Institution>().Where(i => i.Id == id).Select(i => i.Name).SingleOrDefaultAsync(ct);

    /// <summary>The short codes of institutions (ANAPEC-TNG), for tables that name many of them.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> CodesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await db.Set<Institution>().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Code, ct);
}
