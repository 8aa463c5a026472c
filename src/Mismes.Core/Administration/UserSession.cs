using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mismes.Core.Administration;

/// <summary>
/// One signed-in browser session, kept on the server so that it can be ended at once on every node: the sign-in
/// cookie carries only the session key (docs/adr/0015-server-side-sessions.md). Deleting the row ends the session.
/// </summary>
public sealed class UserSession
{
    /// <summary>SHA-256 (hex) of the key in the cookie, so a copy of the database holds no usable session key.</summary>
    public required string Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary>The serialized authentication ticket (the user's claims at sign-in or at the last renewal).</summary>
    public required byte[] Ticket { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The absolute end of the session (12 hours after sign-in), whatever the activity.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The last request seen (to the minute): the session ends after 30 minutes without one.</summary>
    public DateTimeOffset LastSeenAt { get; set; }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("UserSessions");
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.HasIndex(s => s.UserId);
        builder.HasIndex(s => s.ExpiresAt);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
