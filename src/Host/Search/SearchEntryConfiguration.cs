using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AdviesRoute.Host.Search;

/// <summary>The table <c>SearchEntries</c>; its word index per database is raw SQL (migration <c>Issue18SearchIndexSql</c>).</summary>
internal sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    public void Configure(EntityTypeBuilder<SearchEntry> e)
    {
        e.HasKey(s => s.Id);
        e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
        e.Property(s => s.ProposalId).HasMaxLength(64);
        e.Property(s => s.DocumentId).HasMaxLength(32);
        e.Property(s => s.ProposalTitle).HasMaxLength(500);
        e.Property(s => s.DocumentName).HasMaxLength(260);
        e.Property(s => s.NameWords).HasMaxLength(260);
        e.HasIndex(s => new { s.ProposalId, s.Kind });
        e.HasIndex(s => s.DocumentId).IsUnique();
        e.HasIndex(s => s.State);
    }
}
