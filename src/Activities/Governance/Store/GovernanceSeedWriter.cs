using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Activities.Governance.Voting;

namespace AdviesRoute.Activities.Governance.Store;

/// <summary>
/// Writes a <see cref="GovernanceModel"/> back in the shape <see cref="GovernanceSeed.Parse"/> reads, so a stored
/// version, the API and a seed file are one format: <c>Parse(Serialize(model))</c> gives the model back.
/// </summary>
public static class GovernanceSeedWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        // Stored for people to read in the history too: keep "ë" and "ó" as they are. Never written into HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="description">The free text at the top of a seed; kept when a whole document is replaced.</param>
    public static string Serialize(GovernanceModel model, string? description = null) =>
        JsonSerializer.Serialize(
            new Document(
                description,
                model.Municipalities.Select(m => new MunicipalityJson(m.Id, m.Name)).ToList(),
                model.Bodies.Select(b => new BodyJson(
                    b.Id, b.Name, b.Kind, b.Pillar, b.Municipality,
                    b.VoteCounting == VoteCounting.PerMember ? null : b.VoteCounting,
                    b.Weighted ? true : null,
                    b.WrittenRounds ? true : null)).ToList(),
                model.Members.Select(ToJson).ToList()),
            Json);

    /// <summary>The <c>description</c> of a seed document, if it has one (the model itself does not keep it).</summary>
    public static string? Description(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("description", out var description)
                && description.ValueKind == JsonValueKind.String
                ? description.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static MemberJson ToJson(Member m) =>
        new(m.Id, m.Name, m.Email, m.Body, m.Role, m.Municipality, m.Weight, m.From, m.To, m.SubstituteFor, m.AbsentFrom, m.AbsentTo);

    private sealed record Document(string? Description, List<MunicipalityJson> Municipalities, List<BodyJson> Bodies, List<MemberJson> Members);

    private sealed record MunicipalityJson(string Id, string Name);

    private sealed record BodyJson(string Id, string Name, BodyKind Kind, Pillar? Pillar, string? Municipality, VoteCounting? VoteCounting, bool? Weighted,
        bool? WrittenRounds);

    private sealed record MemberJson(string Id, string Name, string Email, string Body, MemberRole Role, string? Municipality,
        decimal Weight, DateOnly From, DateOnly? To, string? SubstituteFor, DateOnly? AbsentFrom, DateOnly? AbsentTo);
}
