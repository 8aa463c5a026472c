using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mismes.Core.Administration;

namespace Mismes.Core.People;

/// <summary>
/// Links a beneficiary's sign-in account to their person record, so they can see their own record (/People/MyRecord).
/// Its own table rather than a column on either side: the account belongs to the platform (Administration), which
/// must not know People, and a person record exists long before, or without, any account. One account per person
/// and one person per account.
/// </summary>
public sealed class BeneficiaryAccount
{
    public Guid UserId { get; set; }

    public Guid PersonId { get; set; }

    public DateTimeOffset LinkedAt { get; set; }
}

internal sealed class BeneficiaryAccountConfiguration : IEntityTypeConfiguration<BeneficiaryAccount>
{
    public void Configure(EntityTypeBuilder<BeneficiaryAccount> builder)
    {
        builder.ToTable("BeneficiaryAccounts");
        builder.HasKey(a => a.UserId);
        builder.HasIndex(a => a.PersonId).IsUnique();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
