using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AdviesRoute.Host.Data;

/// <summary>
/// The host's own tables (accounts, roles, data-protection keys), in the same database as the engine's tables.
/// It keeps its own migrations history table so the two contexts migrate independently.
/// </summary>
public class HostDbContext : IdentityDbContext<HostUser>, IDataProtectionKeyContext
{
    public HostDbContext(DbContextOptions<HostDbContext> options)
        : base(options)
    {
    }

    protected HostDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public const string MigrationsHistoryTable = "__HostMigrations";

    /// <summary>
    /// The keys that protect sign-in cookies and anti-forgery tokens. Kept in the database so sessions survive a
    /// restart or redeploy, and several hosts on one database accept each other's cookies.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The personal links in request mails, by the hash of their token.</summary>
    public DbSet<Links.MailLink> MailLinks => Set<Links.MailLink>();

    /// <summary>The documents uploaded with proposals, with their content.</summary>
    public DbSet<Proposals.Documents.ProposalDocument> ProposalDocuments => Set<Proposals.Documents.ProposalDocument>();

    /// <summary>The order and kind (hamerstuk, bespreekstuk) of the proposals on a meeting's agenda.</summary>
    public DbSet<Proposals.Meetings.AgendaItem> AgendaItems => Set<Proposals.Meetings.AgendaItem>();

    public DbSet<Proposals.Meetings.Convocation> Convocations => Set<Proposals.Meetings.Convocation>();

    /// <summary>Per meeting, the one calendar invitation its members hold: its SEQUENCE and the proposals in it.</summary>
    public DbSet<Proposals.Meetings.ConvocationInvitation> ConvocationInvitations => Set<Proposals.Meetings.ConvocationInvitation>();

    /// <summary>The items a secretary adds to a meeting's agenda besides the proposals and the standard items.</summary>
    public DbSet<Proposals.Meetings.FreeAgendaItem> FreeAgendaItems => Set<Proposals.Meetings.FreeAgendaItem>();

    /// <summary>Who attended a meeting: per seat present, absent with notice, or replaced by a substitute.</summary>
    public DbSet<Proposals.Meetings.MeetingAttendee> MeetingAttendees => Set<Proposals.Meetings.MeetingAttendee>();

    /// <summary>Per meeting: attendance recorded, convened again after one without quorum, the previous besluitenlijst adopted.</summary>
    public DbSet<Proposals.Meetings.MeetingRecord> MeetingRecords => Set<Proposals.Meetings.MeetingRecord>();

    public DbSet<Designer.DefinitionDraft> DefinitionDrafts => Set<Designer.DefinitionDraft>();

    /// <summary>Failed password tries, which throttle signing in per client address (kept a day).</summary>
    public DbSet<Security.SignIn.SignInFailure> SignInFailures => Set<Security.SignIn.SignInFailure>();

    /// <summary>The roles whose people must sign in with a second factor.</summary>
    public DbSet<Security.TwoFactor.TwoFactorRoleRequirement> TwoFactorRoleRequirements => Set<Security.TwoFactor.TwoFactorRoleRequirement>();

    /// <summary>What the full-text search finds: proposals and their documents, with their original text.</summary>
    public DbSet<Search.SearchEntry> SearchEntries => Set<Search.SearchEntry>();

    /// <summary>What went on the public portal, and when it was withdrawn (issue 18).</summary>
    public DbSet<Portal.Publishing.Publication> Publications => Set<Portal.Publishing.Publication>();

    /// <summary>Single stukken taken off the public portal, with the reason.</summary>
    public DbSet<Portal.Publishing.DocumentWithdrawal> DocumentWithdrawals => Set<Portal.Publishing.DocumentWithdrawal>();

    /// <summary>Portal lines of proposals that had ended when they were published or withdrawn.</summary>
    public DbSet<Portal.Publishing.PublicationNote> PublicationNotes => Set<Portal.Publishing.PublicationNote>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfiguration(new Search.SearchEntryConfiguration());
        builder.Entity<Security.TwoFactor.TwoFactorRoleRequirement>(e =>
        {
            e.HasKey(r => r.Role);
            e.Property(r => r.Role).HasMaxLength(64);
            e.Property(r => r.RequiredBy).HasMaxLength(256);
        });
        builder.Entity<HostUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.Property(u => u.DeactivatedBy).HasMaxLength(256);
            e.Ignore(u => u.IsActive);
        });
        builder.Entity<Links.MailLink>(e =>
        {
            e.HasKey(l => l.TokenHash);
            e.HasIndex(l => new { l.InstanceId, l.ActivityId, l.Round });
            e.Property(l => l.RevokedBy).HasMaxLength(256);
            e.Property(l => l.RevokedReason).HasMaxLength(500);
        });
        builder.Entity<Proposals.Documents.ProposalDocument>(e =>
        {
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).HasMaxLength(32);
            e.Property(d => d.InstanceId).HasMaxLength(64);
            e.Property(d => d.FileName).HasMaxLength(260);
            e.Property(d => d.ContentType).HasMaxLength(100);
            e.Property(d => d.Sha256).HasMaxLength(64);
            e.Property(d => d.UploadedBy).HasMaxLength(256);
            e.Property(d => d.ForBodyId).HasMaxLength(64);
            e.HasIndex(d => d.InstanceId);
        });
        builder.Entity<Proposals.Meetings.AgendaItem>(e =>
        {
            e.HasKey(a => new { a.MeetingId, a.InstanceId });
            e.Property(a => a.Kind).HasMaxLength(20);
        });
        builder.Entity<Proposals.Meetings.Convocation>(e =>
        {
            e.HasKey(c => c.Id);
            e.HasIndex(c => c.MeetingId);
            e.Property(c => c.SentBy).HasMaxLength(256);
        });
        builder.Entity<Proposals.Meetings.ConvocationInvitation>(e =>
        {
            e.HasKey(i => i.MeetingId);
            e.Property(i => i.MeetingId).HasMaxLength(100);
            e.Property(i => i.LastAdded).HasMaxLength(64);
            e.Ignore(i => i.Items);
        });

        ConfigureMeetingRecords(builder);
        Portal.Publishing.PortalModel.Configure(builder);
        builder.Entity<Designer.DefinitionDraft>(e =>
        {
            e.HasKey(d => d.DefinitionId);
            e.Property(d => d.DefinitionId).HasMaxLength(100);
            e.Property(d => d.SavedBy).HasMaxLength(256);
        });
        builder.Entity<Security.SignIn.SignInFailure>(e =>
        {
            e.HasKey(f => f.Id);
            e.Property(f => f.Account).HasMaxLength(256);
            e.Property(f => f.Address).HasMaxLength(64);
            e.HasIndex(f => new { f.Address, f.At });
            e.HasIndex(f => new { f.Account, f.At });
            e.HasIndex(f => f.At);
        });
    }

    private static void ConfigureMeetingRecords(ModelBuilder builder)
    {
        builder.Entity<Proposals.Meetings.FreeAgendaItem>(e =>
        {
            e.HasKey(i => i.Id);
            e.Property(i => i.Id).HasMaxLength(32);
            e.Property(i => i.MeetingId).HasMaxLength(100);
            e.Property(i => i.Title).HasMaxLength(300);
            e.Property(i => i.Text).HasMaxLength(4000);
            e.HasIndex(i => i.MeetingId);
        });
        builder.Entity<Proposals.Meetings.MeetingAttendee>(e =>
        {
            e.HasKey(a => new { a.MeetingId, a.MemberId });
            e.Property(a => a.MeetingId).HasMaxLength(100);
            e.Property(a => a.MemberId).HasMaxLength(64);
            e.Property(a => a.Presence).HasMaxLength(20);
            e.Property(a => a.SubstituteId).HasMaxLength(64);
        });
        builder.Entity<Proposals.Meetings.MeetingRecord>(e =>
        {
            e.HasKey(r => r.MeetingId);
            e.Property(r => r.MeetingId).HasMaxLength(100);
            e.Property(r => r.AttendanceRecordedBy).HasMaxLength(256);
            e.Property(r => r.ReconvenedAfter).HasMaxLength(100);
            e.Property(r => r.MinutesOf).HasMaxLength(100);
            e.Property(r => r.MinutesAdoptedBy).HasMaxLength(256);
            e.Property(r => r.MinutesChanges).HasMaxLength(4000);
            e.HasIndex(r => r.MinutesOf);
        });
    }
}

/// <summary>The host's tables on PostgreSQL, with the migrations made for it (folder <c>PostgresMigrations</c>).</summary>
public sealed class PostgresHostDbContext(DbContextOptions<PostgresHostDbContext> options) : HostDbContext(options);
