namespace AdviesRoute.Host.Proposals.Meetings;

/// <summary>A proposal's place on a meeting's agenda: its order and whether it is a hamerstuk or a bespreekstuk.</summary>
public sealed class AgendaItem
{
    public string MeetingId { get; set; } = "";
    public string InstanceId { get; set; } = "";
    public int Position { get; set; }

    /// <summary>"hamerstuk" (decided without discussion) or "bespreekstuk".</summary>
    public string Kind { get; set; } = AgendaKinds.Bespreekstuk;
}

public static class AgendaKinds
{
    public const string Hamerstuk = "hamerstuk";
    public const string Bespreekstuk = "bespreekstuk";
}
