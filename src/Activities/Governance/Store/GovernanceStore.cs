using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Activities.Texts;
using AdviesRoute.Workflows.Definitions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AdviesRoute.Activities.Governance.Store;

/// <summary>One stored version of a document, as the API shows it.</summary>
public sealed record StoredGovernanceDocument(string Kind, long Version, string Json, string Actor, DateTimeOffset At, string Change);

/// <summary>One line of the history: who stored which version when, and what changed (no document).</summary>
public sealed record GovernanceVersionInfo(string Kind, long Version, string Actor, DateTimeOffset At, string Change);

/// <summary>A member change named a member that is not in the current model.</summary>
public sealed class GovernanceMemberNotFoundException(string memberId) : Exception($"Lid '{memberId}' bestaat niet.")
{
    public string MemberId { get; } = memberId;
}

/// <summary>
/// A change would give an existing member another e-mail address, and the caller may not change addresses (only an
/// administrator may: the address decides where the member's personal links and codes go). Nothing was stored.
/// </summary>
public sealed class GovernanceAddressChangeForbiddenException(IReadOnlyList<string> memberIds)
    : Exception($"Alleen een beheerder mag het e-mailadres van een lid wijzigen (gewijzigd bij {string.Join(", ", memberIds)}); "
        + "naar dat adres gaan de persoonlijke links en codes van het lid. Er is niets opgeslagen.")
{
    /// <summary>The members whose address the change would have changed.</summary>
    public IReadOnlyList<string> MemberIds { get; } = memberIds;
}

/// <summary>
/// A change was made against a version of a kind that is no longer the current one (someone else stored a newer one
/// in between); nothing was stored. The message says in Dutch which version is current, who stored it and when.
/// </summary>
public sealed class GovernanceVersionConflictException(string kind, long expected, long current, string? changedBy, DateTimeOffset? changedAt)
    : Exception(Describe(kind, expected, current, changedBy, changedAt))
{

    /// <summary><see cref="GovernanceKinds.Bestuur"/> or <see cref="GovernanceKinds.Jaarkalender"/>.</summary>
    public string Kind { get; } = kind;

    /// <summary>The version the change was based on.</summary>
    public long Expected { get; } = expected;

    /// <summary>The version stored now; 0 when none is stored.</summary>
    public long Current { get; } = current;

    /// <summary>Who stored the current version; null when none is stored.</summary>
    public string? ChangedBy { get; } = changedBy;

    /// <summary>When the current version was stored (UTC); null when none is stored.</summary>
    public DateTimeOffset? ChangedAt { get; } = changedAt;

    private static string Describe(string kind, long expected, long current, string? changedBy, DateTimeOffset? changedAt)
    {
        var (subject, pronoun) = kind == GovernanceKinds.Jaarkalender ? ("De jaarkalender", "hem") : ("Het bestuursmodel", "het");
        if (current == 0 || changedAt is null)
        {
            return $"{subject} is nog niet opgeslagen, dus er is geen versie {expected}; laat If-Match weg of geef versie 0.";
        }

        return $"{subject} is intussen gewijzigd (nu versie {current}, door {changedBy} op {DutchFormat.Moment(changedAt.Value)}); "
            + $"haal {pronoun} opnieuw op en breng uw wijziging opnieuw aan.";
    }
}

/// <summary>
/// Told after a new version of the governance model was stored and published, e.g. to pass open requests of a
/// member whose term was just ended to the successor at once.
/// </summary>
public interface IGovernanceModelListener
{
    void ModelChanged(GovernanceSnapshot snapshot);
}

/// <summary>
/// Reads and changes the stored governance model and jaarkalender. Every accepted change is a new version row, written
/// in one transaction after the whole resulting document passed the same validation as a seed; a refused change
/// throws <see cref="GovernanceSeedException"/> (every error with its JSON path) and stores nothing. A change may name
/// the version it was based on (<c>expectedVersion</c>, the ETag of the GET); when another version was stored in
/// between it throws <see cref="GovernanceVersionConflictException"/> and stores nothing. Without it the last writer wins.
/// </summary>
public sealed class GovernanceStore(
    GovernanceDbContext db,
    StoredGovernanceDirectory directory,
    DeadlineCalculator deadlines,
    TimeProvider time,
    IEnumerable<IGovernanceModelListener> listeners,
    ILogger<GovernanceStore> logger)
{
    /// <summary>Who stored the demo data.</summary>
    public const string SystemActor = "systeem";

    public const string BodyHasMeetings = "BodyHasMeetings";
    public const string MemberIdChanged = "MemberIdChanged";
    public const string NotAnObject = "NotAnObject";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip };

    /// <summary>The model and jaarkalender as the workflow activities see them now.</summary>
    public GovernanceSnapshot Current => directory.Current;

    /// <summary>The newest stored version of a kind, or null when none is stored.</summary>
    public async Task<StoredGovernanceDocument?> LatestAsync(string kind, CancellationToken cancellationToken = default)
    {
        var row = await Newest(kind).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new StoredGovernanceDocument(row.Kind, row.Version, row.Json, row.Actor, Utc(row.CreatedAt), row.Change);
    }

    /// <summary>Every stored version, newest first; only of <paramref name="kind"/> when given.</summary>
    public async Task<IReadOnlyList<GovernanceVersionInfo>> HistoryAsync(string? kind = null, CancellationToken cancellationToken = default)
    {
        var rows = await db.Versions.AsNoTracking()
            .Where(v => kind == null || v.Kind == kind)
            .OrderByDescending(v => v.Id)
            .Select(v => new { v.Kind, v.Version, v.Actor, v.CreatedAt, v.Change })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new GovernanceVersionInfo(r.Kind, r.Version, r.Actor, Utc(r.CreatedAt), r.Change)).ToList();
    }

    /// <summary>Replaces the whole model. Refused when it is invalid or when the jaarkalender would no longer fit it.</summary>
    /// <param name="expectedVersion">The model version the change is based on; null to replace whatever is stored.</param>
    /// <exception cref="GovernanceSeedException">Nothing was stored.</exception>
    /// <exception cref="GovernanceVersionConflictException">The stored version is not <paramref name="expectedVersion"/>; nothing was stored.</exception>
    /// <param name="mayChangeAddresses">False for a caller who may not change an existing member's e-mail address.</param>
    /// <exception cref="GovernanceAddressChangeForbiddenException">An address would change and <paramref name="mayChangeAddresses"/> is false; nothing was stored.</exception>
    public Task<GovernanceSnapshot> ReplaceModelAsync(string json, string actor, long? expectedVersion = null, bool mayChangeAddresses = true, CancellationToken cancellationToken = default) =>
        InTransactionAsync(GovernanceKinds.Bestuur, expectedVersion, async stored =>
        {
            var model = GovernanceSeed.Parse(json);
            EnsureAddressesKept(stored.Model, model, mayChangeAddresses);
            return await StoreModelAsync(stored, model, GovernanceSeedWriter.Description(json), actor, GovernanceChanges.Describe(stored.Model, model), cancellationToken);
        }, cancellationToken);

    /// <summary>Adds one member (seed shape, e.g. the successor of a member whose term ends).</summary>
    /// <param name="expectedVersion">The model version the change is based on; null to add to whatever is stored.</param>
    /// <exception cref="GovernanceSeedException">Nothing was stored; paths point into the member (<c>$.email</c>).</exception>
    /// <exception cref="GovernanceVersionConflictException">The stored version is not <paramref name="expectedVersion"/>; nothing was stored.</exception>
    public Task<GovernanceSnapshot> AddMemberAsync(string memberJson, string actor, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
        InTransactionAsync(GovernanceKinds.Bestuur, expectedVersion, async stored =>
        {
            var member = MemberObject(memberJson);
            var document = ModelDocument(stored);
            var members = document["members"]!.AsArray();
            members.Add(member);
            var model = ParseAsMember(document, members.Count - 1);
            var added = model.Members[^1];
            return await StoreModelAsync(stored, model, stored.Description, actor, $"lid {added.Id} ({added.Name}) toegevoegd aan {added.Body}", cancellationToken);
        }, cancellationToken);

    /// <summary>Replaces one member by the given one (seed shape; <c>id</c> may be left out), e.g. to end a term with <c>to</c>.</summary>
    /// <exception cref="GovernanceMemberNotFoundException">No member has that id; nothing was stored.</exception>
    /// <param name="expectedVersion">The model version the change is based on; null to change whatever is stored.</param>
    /// <exception cref="GovernanceSeedException">Nothing was stored; paths point into the member (<c>$.to</c>).</exception>
    /// <exception cref="GovernanceVersionConflictException">The stored version is not <paramref name="expectedVersion"/>; nothing was stored.</exception>
    /// <param name="mayChangeAddresses">False for a caller who may not change the member's e-mail address.</param>
    /// <exception cref="GovernanceAddressChangeForbiddenException">The address would change and <paramref name="mayChangeAddresses"/> is false; nothing was stored.</exception>
    public Task<GovernanceSnapshot> ChangeMemberAsync(string memberId, string memberJson, string actor, long? expectedVersion = null, bool mayChangeAddresses = true, CancellationToken cancellationToken = default) =>
        InTransactionAsync(GovernanceKinds.Bestuur, expectedVersion, async stored =>
        {
            var index = stored.Model?.Members.ToList().FindIndex(m => m.Id == memberId) ?? -1;
            if (index < 0)
            {
                throw new GovernanceMemberNotFoundException(memberId);
            }

            var member = MemberObject(memberJson);
            if (member["id"] is { } id && (id.GetValueKind() != JsonValueKind.String || id.GetValue<string>() != memberId))
            {
                throw new GovernanceSeedException([new ValidationError("$.id", MemberIdChanged,
                    $"Het id van een lid verandert niet; laat 'id' weg of geef '{memberId}'. Een opvolger voegt u toe als nieuw lid.")]);
            }

            member["id"] = memberId;
            var document = ModelDocument(stored);
            document["members"]!.AsArray()[index] = member;
            var model = ParseAsMember(document, index);
            EnsureAddressesKept(stored.Model, model, mayChangeAddresses);
            var change = $"lid {memberId} ({model.Members[index].Name}) gewijzigd: {GovernanceChanges.Fields(stored.Model!.Members[index], model.Members[index])}";
            return await StoreModelAsync(stored, model, stored.Description, actor, change, cancellationToken);
        }, cancellationToken);

    /// <summary>Replaces the jaarkalender; it is checked against the current model (every meeting of a known body).</summary>
    /// <param name="expectedVersion">The jaarkalender version the change is based on; null to replace whatever is stored.</param>
    /// <exception cref="GovernanceSeedException">Nothing was stored.</exception>
    /// <exception cref="GovernanceVersionConflictException">The stored version is not <paramref name="expectedVersion"/>; nothing was stored.</exception>
    public Task<GovernanceSnapshot> ReplaceCalendarAsync(string json, string actor, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
        InTransactionAsync(GovernanceKinds.Jaarkalender, expectedVersion, async stored =>
        {
            var model = stored.Model ?? throw new GovernanceSeedException([new ValidationError("$", "NoGovernance",
                "Er is nog geen bestuursmodel opgeslagen; een jaarkalender hoort bij de organen daarvan.")]);
            var calendar = JaarkalenderSeed.Parse(json, model, deadlines);
            var canonical = JsonNode.Parse(json, documentOptions: Lenient)!.ToJsonString(Indented);
            if (canonical == stored.CalendarJson)
            {
                return stored.Snapshot;
            }

            var version = await AddVersionAsync(GovernanceKinds.Jaarkalender, stored.CalendarVersion, canonical, actor,
                GovernanceChanges.Describe(stored.Calendar, calendar), cancellationToken);
            return stored.Snapshot with { Calendar = calendar, CalendarVersion = version };
        }, cancellationToken);

    /// <summary>Applies the governance migrations to the engine's database file.</summary>
    public Task MigrateAsync(CancellationToken cancellationToken = default) => db.Database.MigrateAsync(cancellationToken);

    /// <summary>
    /// Stores the demo model and demo jaarkalender as version 1 when no model is stored yet; true when it did. Safe
    /// when two hosts start at once: the check and the insert share one write transaction, and the unique
    /// (kind, version) index turns a lost race into "already seeded".
    /// </summary>
    public async Task<bool> SeedDemoAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await InTransactionAsync(GovernanceKinds.Bestuur, expectedVersion: null, async stored =>
            {
                if (stored.ModelVersion > 0)
                {
                    return (Seeded: false, Snapshot: stored.Snapshot);
                }

                var json = DemoGovernance.Json();
                var model = GovernanceSeed.Parse(json);
                var snapshot = await StoreModelAsync(stored, model, GovernanceSeedWriter.Description(json), SystemActor, "demo geladen", cancellationToken);
                if (stored.CalendarVersion == 0)
                {
                    var calendarJson = JaarkalenderSeed.DemoJson();
                    var calendar = JaarkalenderSeed.Parse(calendarJson, model, deadlines);
                    var version = await AddVersionAsync(GovernanceKinds.Jaarkalender, 0,
                        JsonNode.Parse(calendarJson, documentOptions: Lenient)!.ToJsonString(Indented), SystemActor, "demo geladen", cancellationToken);
                    snapshot = snapshot with { Calendar = calendar, CalendarVersion = version };
                }

                return (Seeded: true, Snapshot: snapshot);
            }, outcome => outcome.Snapshot, cancellationToken);
            return result.Seeded;
        }
        catch (DbUpdateException ex) when (ex.InnerException is SqliteException { SqliteErrorCode: 19 } or Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // A unique-key violation: another host stored version 1 first.
            logger.LogInformation("De demogegevens zijn al door een andere host opgeslagen.");
            return false;
        }
    }

    private async Task<GovernanceSnapshot> StoreModelAsync(Stored stored, GovernanceModel model, string? description, string actor, string change, CancellationToken cancellationToken)
    {
        // A body may only go once the jaarkalender has no meetings of it left: those meetings would point nowhere.
        var bodies = model.Bodies.Select(b => b.Id).ToHashSet();
        var orphaned = (stored.Calendar?.Meetings ?? []).Where(m => !bodies.Contains(m.Body)).GroupBy(m => m.Body).ToList();
        if (orphaned.Count > 0)
        {
            throw new GovernanceSeedException(orphaned.Select(g => new ValidationError("$.bodies", BodyHasMeetings,
                $"Orgaan '{g.Key}' heeft nog {DutchFormat.Count(g.Count(), "vergadering", "vergaderingen")} in de jaarkalender (versie {stored.CalendarVersion}), "
                + $"de eerste op {DutchFormat.Day(g.Min(m => m.Date))}; haal die eerst uit de jaarkalender.")).ToList());
        }

        var calendar = stored.Calendar;
        if (stored.CalendarJson is { } calendarJson)
        {
            // The only rule of the jaarkalender that depends on the model is checked above; this keeps it so if one is added.
            calendar = JaarkalenderSeed.Parse(calendarJson, model, deadlines);
        }

        var canonical = GovernanceSeedWriter.Serialize(model, description);
        if (canonical == stored.ModelJson)
        {
            return stored.Snapshot;
        }

        var version = await AddVersionAsync(GovernanceKinds.Bestuur, stored.ModelVersion, canonical, actor, change, cancellationToken);
        return stored.Snapshot with { Model = model, ModelVersion = version, Calendar = calendar ?? stored.Snapshot.Calendar };
    }

    private async Task<long> AddVersionAsync(string kind, long previous, string json, string actor, string change, CancellationToken cancellationToken)
    {
        var record = new GovernanceVersionRecord
        {
            Kind = kind,
            Version = previous + 1,
            Json = json,
            Actor = actor,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            Change = change,
        };
        db.Versions.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("{Kind} versie {Version} opgeslagen door {Actor}: {Change}", kind, record.Version, actor, change);
        return record.Version;
    }

    /// <summary>Checked against the model read inside the write transaction, so no change slips in between.</summary>
    /// <exception cref="GovernanceAddressChangeForbiddenException">An existing member's address would change.</exception>
    private static void EnsureAddressesKept(GovernanceModel? stored, GovernanceModel changed, bool mayChangeAddresses)
    {
        if (mayChangeAddresses || stored is null)
        {
            return;
        }

        var before = stored.Members.ToDictionary(m => m.Id, m => m.Email, StringComparer.Ordinal);
        var moved = changed.Members
            .Where(m => before.TryGetValue(m.Id, out var email) && !string.Equals(email.Trim(), m.Email.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(m => m.Id).ToList();
        if (moved.Count > 0)
        {
            throw new GovernanceAddressChangeForbiddenException(moved);
        }
    }

    private Task<GovernanceSnapshot> InTransactionAsync(
        string kind, long? expectedVersion, Func<Stored, Task<GovernanceSnapshot>> change, CancellationToken cancellationToken) =>
        InTransactionAsync(kind, expectedVersion, change, snapshot => snapshot, cancellationToken);

    /// <summary>
    /// Reads the current versions and writes the new one inside one write transaction (SQLite: BEGIN IMMEDIATE), so
    /// two changes at once cannot both build on the same version; the snapshot goes to the directory after commit.
    /// When <paramref name="expectedVersion"/> is given, the current version of <paramref name="kind"/> read inside
    /// that transaction must be it: a version stored by someone else in between is never silently overwritten.
    /// </summary>
    /// <exception cref="GovernanceVersionConflictException">The stored version is another one; nothing was stored.</exception>
    private async Task<T> InTransactionAsync<T>(
        string kind, long? expectedVersion, Func<Stored, Task<T>> change, Func<T, GovernanceSnapshot> snapshotOf, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var stored = await ReadStoredAsync(cancellationToken);
        if (expectedVersion is { } expected)
        {
            stored.Expect(kind, expected);
        }

        T result;
        try
        {
            result = await change(stored);
        }
        catch (GovernanceSeedException)
        {
            db.ChangeTracker.Clear();
            throw;
        }

        await transaction.CommitAsync(cancellationToken);
        var snapshot = snapshotOf(result);
        if (snapshot.ModelVersion != stored.ModelVersion || snapshot.CalendarVersion != stored.CalendarVersion)
        {
            directory.Publish(snapshot);
        }

        // The first model (the seed at a first start) replaces nothing, so there is nobody to tell.
        if (snapshot.ModelVersion != stored.ModelVersion && stored.ModelVersion > 0)
        {
            foreach (var listener in listeners)
            {
                try
                {
                    listener.ModelChanged(snapshot);
                }
                catch (Exception ex)
                {
                    // The change is stored; a listener's failure must not make it look refused.
                    logger.LogError(ex, "A listener to governance model version {Version} failed.", snapshot.ModelVersion);
                }
            }
        }

        return result;
    }

    private async Task<Stored> ReadStoredAsync(CancellationToken cancellationToken)
    {
        var model = await Newest(GovernanceKinds.Bestuur).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var calendar = await Newest(GovernanceKinds.Jaarkalender).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return Stored.From(model, calendar, deadlines);
    }

    private IQueryable<GovernanceVersionRecord> Newest(string kind) =>
        db.Versions.Where(v => v.Kind == kind).OrderByDescending(v => v.Version).Take(1);

    private static JsonObject ModelDocument(Stored stored) =>
        JsonNode.Parse(stored.ModelJson ?? GovernanceSeedWriter.Serialize(new GovernanceModel([], [], [])))!.AsObject();

    private static JsonObject MemberObject(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: Lenient);
        }
        catch (JsonException ex)
        {
            throw new GovernanceSeedException([new ValidationError(ex.Path ?? "$", ValidationCodes.MalformedJson,
                $"Ongeldige JSON op regel {(ex.LineNumber ?? 0) + 1}, positie {(ex.BytePositionInLine ?? 0) + 1}: {ex.Message}")
            {
                Line = (int?)ex.LineNumber + 1,
                Position = (int?)ex.BytePositionInLine + 1,
            }]);
        }

        return node as JsonObject
            ?? throw new GovernanceSeedException([new ValidationError("$", NotAnObject, "Een lid is een JSON-object met onder meer id, name, email, body, role en from.")]);
    }

    /// <summary>Validates the whole model, reporting errors of the changed member with paths into that member.</summary>
    private static GovernanceModel ParseAsMember(JsonObject document, int index)
    {
        try
        {
            return GovernanceSeed.Parse(document.ToJsonString());
        }
        catch (GovernanceSeedException ex)
        {
            var prefix = $"$.members[{index}]";
            throw new GovernanceSeedException(ex.Errors
                .Select(e => e.Path == prefix || e.Path.StartsWith(prefix + ".", StringComparison.Ordinal)
                    ? e with { Path = "$" + e.Path[prefix.Length..] }
                    : e)
                .ToList());
        }
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    /// <summary>The current versions as read inside the transaction; null/0 where nothing is stored yet.</summary>
    private sealed record Stored(
        GovernanceModel? Model, string? ModelJson, string? Description, long ModelVersion,
        Jaarkalender? Calendar, string? CalendarJson, long CalendarVersion,
        Stamp? ModelStamp, Stamp? CalendarStamp)
    {
        public GovernanceSnapshot Snapshot => new(
            Model ?? StoredGovernanceDirectory.EmptyModel, Calendar ?? StoredGovernanceDirectory.EmptyCalendar, ModelVersion, CalendarVersion);

        /// <exception cref="GovernanceVersionConflictException">The current version of <paramref name="kind"/> is not <paramref name="expected"/>.</exception>
        public void Expect(string kind, long expected)
        {
            var (current, stamp) = kind == GovernanceKinds.Jaarkalender ? (CalendarVersion, CalendarStamp) : (ModelVersion, ModelStamp);
            if (current != expected)
            {
                throw new GovernanceVersionConflictException(kind, expected, current, stamp?.Actor, stamp?.At);
            }
        }

        public static Stored From(GovernanceVersionRecord? model, GovernanceVersionRecord? calendar, DeadlineCalculator deadlines)
        {
            var parsed = model is null ? null : GovernanceSeed.Parse(model.Json);
            return new Stored(
                parsed, model?.Json, model is null ? null : GovernanceSeedWriter.Description(model.Json), model?.Version ?? 0,
                calendar is null ? null : JaarkalenderSeed.Parse(calendar.Json, parsed ?? StoredGovernanceDirectory.EmptyModel, deadlines),
                calendar?.Json, calendar?.Version ?? 0,
                Stamp.Of(model), Stamp.Of(calendar));
        }
    }

    /// <summary>Who stored a version and when.</summary>
    private sealed record Stamp(string Actor, DateTimeOffset At)
    {
        public static Stamp? Of(GovernanceVersionRecord? row) => row is null ? null : new Stamp(row.Actor, Utc(row.CreatedAt));
    }
}
