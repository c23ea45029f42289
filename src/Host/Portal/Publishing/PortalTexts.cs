namespace AdviesRoute.Host.Portal.Publishing;

/// <summary>The portal's recurring sentences: what a body publishes and why (art. 22 Wgr, art. 3.3 Woo).</summary>
public static class PortalTexts
{
    /// <summary>Why any of this is on the portal, for a resident.</summary>
    public const string LegalBasis =
        "De vergaderingen van het algemeen bestuur zijn openbaar (artikel 22 van de Wet gemeenschappelijke regelingen). "
        + "Daarom staan de agenda en de openbare stukken hier zodra de leden voor de vergadering zijn uitgenodigd. "
        + "Wat de besturen besluiten, maken zij uit zichzelf openbaar (artikel 3.3 van de Wet open overheid): "
        + "een besluitenlijst staat hier zodra het bestuur haar in zijn volgende vergadering heeft vastgesteld. "
        + "Wat besloten is behandeld of vertrouwelijk is, staat hier niet.";

    /// <summary>"Agenda, openbare stukken en besluitenlijsten." / "Besluitenlijsten."</summary>
    public static string WhatIsPublished(PublicBody body)
    {
        var parts = new List<string>();
        if (body.PublishesAgenda)
        {
            parts.Add(body.PublishesStukken ? "agenda's met de openbare stukken" : "agenda's");
        }

        if (body.PublishesBesluitenlijst)
        {
            parts.Add("besluitenlijsten");
        }

        var said = string.Join(" en ", parts);
        return parts.Count == 0 ? "" : char.ToUpperInvariant(said[0]) + said[1..] + (body.PublishesAgenda ? "." : "; de vergaderingen zelf zijn besloten.");
    }

    /// <summary>Where a coming meeting's agenda stands.</summary>
    public static string AgendaState(PublicBody body, PublicMeeting meeting) => !body.PublishesAgenda
        ? "Dit bestuur vergadert besloten; de besluitenlijst volgt na vaststelling."
        : meeting.AgendaPublishedAt is { } at
            ? $"Agenda {(body.PublishesStukken ? "en stukken " : "")}gepubliceerd op {PortalWords.Day(at)}."
            : "De agenda volgt zodra de leden zijn uitgenodigd.";
}
