using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Host.Portal.Publishing;

/// <summary>The portal's tables in <see cref="Data.HostDbContext"/>.</summary>
internal static class PortalModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Publication>(e =>
        {
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).HasMaxLength(32);
            e.Property(p => p.MeetingId).HasMaxLength(100);
            e.Property(p => p.Kind).HasMaxLength(20);
            e.Property(p => p.PublishedBy).HasMaxLength(256);
            e.Property(p => p.WithdrawnBy).HasMaxLength(256);
            e.Property(p => p.WithdrawnReason).HasMaxLength(PortalPublisher.MaxReasonLength);
            e.Ignore(p => p.IsWithdrawn);

            // One publication per meeting and kind: a convocation sent again, or two at once, publishes once.
            e.HasIndex(p => new { p.MeetingId, p.Kind }).IsUnique();
            e.HasIndex(p => p.PublishedAt);
        });
        builder.Entity<DocumentWithdrawal>(e =>
        {
            e.HasKey(w => w.DocumentId);
            e.Property(w => w.DocumentId).HasMaxLength(32);
            e.Property(w => w.MeetingId).HasMaxLength(100);
            e.Property(w => w.FileName).HasMaxLength(260);
            e.Property(w => w.WithdrawnBy).HasMaxLength(256);
            e.Property(w => w.Reason).HasMaxLength(PortalPublisher.MaxReasonLength);
            e.HasIndex(w => w.MeetingId);
        });
        builder.Entity<PublicationNote>(e =>
        {
            e.HasKey(n => n.Id);
            e.Property(n => n.Id).HasMaxLength(32);
            e.Property(n => n.InstanceId).HasMaxLength(64);
            e.Property(n => n.By).HasMaxLength(256);
            e.Property(n => n.Sentence).HasMaxLength(2000);
            e.HasIndex(n => n.InstanceId);
        });
    }
}
