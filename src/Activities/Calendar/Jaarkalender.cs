using System.Globalization;
using System.Text.Json;
using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Workflows.Definitions;

namespace AdviesRoute.Activities.Calendar;

/// <summary>A meeting of a body, with the deadline for its documents.</summary>
/// <param name="Pc">The P&amp;C item the meeting decides on, e.g. "Begroting"; the legal check looks for it.</param>
public sealed record Meeting(string Id, string Body, DateOnly Date, TimeOnly Time, string Place, string? Note, Deadline DocumentsDeadline, string? Pc = null);

/// <summary>A P&amp;C milestone of the year (seed 002, section 3.8), with the article it follows from.</summary>
public sealed record Milestone(DateOnly Date, string Description, string LegalBasis);

/// <summary>The meetings of every body and the P&amp;C milestones.</summary>
public sealed record Jaarkalender(IReadOnlyList<Meeting> Meetings, IReadOnlyList<Milestone> Milestones)
{
    public IEnumerable<Meeting> MeetingsOf(string bodyId) => Meetings.Where(m => m.Body == bodyId).OrderBy(m => m.Date).ThenBy(m => m.Time);
}

/// <summary>Reads a jaarkalender from JSON against a governance model; refuses it whole, with the path of every error.</summary>
public static class JaarkalenderSeed
{
    public const string ResourceName = "AdviesRoute.Activities.Governance.jaarkalender-2026-2027.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    public static string DemoJson() => SeedJson.Resource(ResourceName);

    /// <exception cref="GovernanceSeedException">Malformed JSON, an impossible date or time, a meeting of an unknown body.</exception>
    public static Jaarkalender Parse(string json, GovernanceModel governance, DeadlineCalculator deadlines)
    {
        var document = SeedJson.Deserialize<Document>(json, Json);
        document ??= new Document();
        var errors = new List<ValidationError>();
        void Error(string path, string message) => errors.Add(new ValidationError(path, "InvalidJaarkalender", message));
        var workingDays = document.DocumentsWorkingDaysBefore ?? 10;
        if (workingDays is < 0 or > 60)
        {
            Error("$.documentsWorkingDaysBefore", "Het aantal werkdagen voor de stukken ligt tussen 0 en 60.");
        }

        var bodies = governance.Bodies.ToDictionary(b => b.Id);
        var ids = new HashSet<string>();
        var meetings = new List<Meeting>();
        var list = document.Meetings ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var m = list[i];
            var path = $"$.meetings[{i}]";
            if (string.IsNullOrWhiteSpace(m.Id) || !ids.Add(m.Id))
            {
                Error($"{path}.id", $"Vergadering '{m.Id}' heeft geen id of staat er twee keer in.");
            }

            if (m.Body is null || !bodies.ContainsKey(m.Body))
            {
                Error($"{path}.body", $"Vergadering '{m.Id}' hoort bij een onbekend orgaan '{m.Body}'.");
            }

            if (!DateOnly.TryParseExact(m.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Error($"{path}.date", $"'{m.Date}' is geen bestaande datum (jjjj-mm-dd).");
            }

            if (!TimeOnly.TryParseExact(m.Time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                Error($"{path}.time", $"'{m.Time}' is geen tijd (uu:mm).");
            }

            if (errors.Count == 0)
            {
                var documents = deadlines.WorkingDaysBefore(date, workingDays, $"stukken {workingDays} werkdagen vóór de vergadering", "reglement van orde");
                meetings.Add(new Meeting(m.Id!, m.Body!, date, time, m.Place ?? "", m.Note, documents, m.Pc));
            }
        }

        var milestones = new List<Milestone>();
        var marks = document.Milestones ?? [];
        for (var i = 0; i < marks.Count; i++)
        {
            if (!DateOnly.TryParseExact(marks[i].Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || string.IsNullOrWhiteSpace(marks[i].Description))
            {
                Error($"$.milestones[{i}]", "Een mijlpaal heeft een bestaande datum (jjjj-mm-dd) en een omschrijving nodig.");
                continue;
            }

            milestones.Add(new Milestone(date, marks[i].Description!, marks[i].LegalBasis ?? ""));
        }

        if (errors.Count > 0)
        {
            throw new GovernanceSeedException(errors);
        }

        return new Jaarkalender(meetings.OrderBy(m => m.Date).ThenBy(m => m.Time).ToList(), milestones.OrderBy(m => m.Date).ToList());
    }

    private sealed class Document
    {
        public string? Description { get; set; }
        public int? DocumentsWorkingDaysBefore { get; set; }
        public List<MeetingJson>? Meetings { get; set; }
        public List<MilestoneJson>? Milestones { get; set; }
    }

    private sealed record MeetingJson(string? Id, string? Body, string? Date, string? Time, string? Place, string? Note, string? Pc);

    private sealed record MilestoneJson(string? Date, string? Description, string? LegalBasis);
}
