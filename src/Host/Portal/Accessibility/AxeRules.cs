namespace AdviesRoute.Host.Portal.Accessibility;

/// <summary>
/// What each rule of axe-core checks, in Dutch, for the report. axe-core's own texts are English and its Dutch translation
/// covers almost none of its rules, so the report names each rule with this sentence and keeps axe-core's rule id for the
/// auditor who looks it up. The rules are those with a WCAG 2.0 or 2.1 tag of level A or AA (<see cref="Tags"/>); a
/// test keeps the list complete for the axe-core version the host ships, and a rule missing here still shows with
/// axe-core's English text.
/// </summary>
public static class AxeRules
{
    /// <summary>The version of axe-core copied into wwwroot/lib/axe-core (src/Host/Styles/package.json).</summary>
    public const string Version = "4.14.1";

    /// <summary>Where the host serves axe-core.</summary>
    public const string ScriptPath = "/lib/axe-core/axe.min.js";

    /// <summary>
    /// The rules the report runs: those axe-core tags with WCAG 2.0 and 2.1, level A and AA, the level that the
    /// Dutch rules for public bodies name (EN 301 549). The browser tests of the pages run the same set.
    /// </summary>
    public static IReadOnlyList<string> Tags { get; } = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>Per rule id what the rule checks.</summary>
    public static IReadOnlyDictionary<string, string> Dutch { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["area-alt"] = "Elk klikbaar gebied van een afbeeldingskaart heeft een alternatieve tekst",
        ["aria-allowed-attr"] = "ARIA-attributen zijn toegestaan bij de rol van het element",
        ["aria-braille-equivalent"] = "Een braille-label of braille-beschrijving heeft een gewone tegenhanger",
        ["aria-command-name"] = "Knoppen, links en menu-items met een ARIA-rol hebben een toegankelijke naam",
        ["aria-conditional-attr"] = "ARIA-attributen worden gebruikt zoals de rol van het element dat vraagt",
        ["aria-deprecated-role"] = "Er worden geen verouderde ARIA-rollen gebruikt",
        ["aria-hidden-body"] = "Het body-element is niet verborgen voor hulptechnologie (aria-hidden)",
        ["aria-hidden-focus"] = "Elementen die voor hulptechnologie verborgen zijn, bevatten niets dat focus kan krijgen",
        ["aria-input-field-name"] = "Invoervelden met een ARIA-rol hebben een toegankelijke naam",
        ["aria-meter-name"] = "Meters met een ARIA-rol hebben een toegankelijke naam",
        ["aria-progressbar-name"] = "Voortgangsbalken met een ARIA-rol hebben een toegankelijke naam",
        ["aria-prohibited-attr"] = "Er worden geen ARIA-attributen gebruikt die bij de rol van het element verboden zijn",
        ["aria-required-attr"] = "Elementen met een ARIA-rol hebben alle attributen die die rol vereist",
        ["aria-required-children"] = "Elementen met een ARIA-rol bevatten de onderdelen die die rol vereist",
        ["aria-required-parent"] = "Elementen met een ARIA-rol staan in het element dat die rol vereist",
        ["aria-roledescription"] = "Een rolbeschrijving (aria-roledescription) staat alleen bij elementen met een passende rol",
        ["aria-roles"] = "ARIA-rollen hebben een geldige waarde",
        ["aria-tab-name"] = "Tabbladen (rol tab) hebben een toegankelijke naam",
        ["aria-toggle-field-name"] = "Schakelaars en keuzevakjes met een ARIA-rol hebben een toegankelijke naam",
        ["aria-tooltip-name"] = "Tooltips met een ARIA-rol hebben een toegankelijke naam",
        ["aria-valid-attr-value"] = "ARIA-attributen hebben een geldige waarde",
        ["aria-valid-attr"] = "ARIA-attributen bestaan (geen tikfouten of verzonnen namen)",
        ["audio-caption"] = "Geluidsfragmenten hebben ondertitels of een tekstversie",
        ["autocomplete-valid"] = "Het autocomplete-attribuut van invoervelden is juist gebruikt",
        ["avoid-inline-spacing"] = "Tekstafstand in style-attributen kan door de gebruiker worden aangepast",
        ["blink"] = "Er wordt geen knipperende tekst (blink) gebruikt",
        ["button-name"] = "Knoppen hebben een herkenbare tekst",
        ["bypass"] = "De pagina heeft een manier om herhaalde blokken over te slaan (een link naar de inhoud, koppen of landmarks)",
        ["color-contrast"] = "Tekst heeft genoeg contrast met de achtergrond",
        ["css-orientation-lock"] = "De inhoud is niet vastgezet op staand of liggend",
        ["definition-list"] = "Definitielijsten (dl) bevatten alleen correct geordende dt- en dd-groepen",
        ["dlitem"] = "Termen en definities (dt, dd) staan in een definitielijst",
        ["document-title"] = "De pagina heeft een titel",
        ["duplicate-id-aria"] = "Id's waarnaar ARIA of labels verwijzen, komen maar één keer voor",
        ["form-field-multiple-labels"] = "Een invoerveld heeft niet meer dan één label",
        ["frame-focusable-content"] = "Frames met bedienbare inhoud kunnen met het toetsenbord worden bereikt",
        ["frame-title-unique"] = "Frames hebben elk een eigen titel",
        ["frame-title"] = "Frames hebben een titel",
        ["html-has-lang"] = "Het html-element geeft de taal van de pagina aan",
        ["html-lang-valid"] = "De taal van de pagina is een geldige taalcode",
        ["html-xml-lang-mismatch"] = "lang en xml:lang van het html-element noemen dezelfde taal",
        ["image-alt"] = "Afbeeldingen hebben een alternatieve tekst, of zijn gemarkeerd als versiering",
        ["input-button-name"] = "Invoerknoppen hebben een herkenbare tekst",
        ["input-image-alt"] = "Afbeeldingsknoppen hebben een alternatieve tekst",
        ["label-content-name-mismatch"] = "De toegankelijke naam van een element bevat de tekst die erop staat",
        ["label"] = "Invoervelden hebben een label",
        ["link-in-text-block"] = "Links in lopende tekst zijn te herkennen zonder op kleur te letten",
        ["link-name"] = "Links hebben een herkenbare tekst",
        ["list"] = "Lijsten (ul, ol) bevatten alleen lijstonderdelen",
        ["listitem"] = "Lijstonderdelen (li) staan in een lijst",
        ["marquee"] = "Er wordt geen bewegende tekst (marquee) gebruikt",
        ["meta-refresh"] = "De pagina ververst of verspringt niet vanzelf na een tijd",
        ["meta-viewport"] = "Inzoomen en vergroten is niet uitgeschakeld",
        ["nested-interactive"] = "Bedienbare elementen staan niet in andere bedienbare elementen",
        ["no-autoplay-audio"] = "Geluid speelt niet langer dan 3 seconden vanzelf af, of kan worden gestopt",
        ["object-alt"] = "Ingesloten objecten (object) hebben een alternatieve tekst",
        ["p-as-heading"] = "Vet of groot gezette alinea's worden niet als kop gebruikt",
        ["role-img-alt"] = "Elementen met de rol img hebben een alternatieve tekst",
        ["scrollable-region-focusable"] = "Gebieden die scrollen, zijn met het toetsenbord te bereiken",
        ["select-name"] = "Keuzelijsten hebben een label",
        ["server-side-image-map"] = "Er worden geen afbeeldingskaarten gebruikt die de server uitwerkt",
        ["summary-name"] = "Uitklapknoppen (summary) hebben een herkenbare tekst",
        ["svg-img-alt"] = "SVG-afbeeldingen met de rol img hebben een alternatieve tekst",
        ["table-fake-caption"] = "Tabellen gebruiken een echt bijschrift (caption) in plaats van een opgemaakte cel",
        ["td-has-header"] = "Cellen van grote tabellen horen bij een kop",
        ["td-headers-attr"] = "Cellen die met headers naar koppen verwijzen, verwijzen naar cellen van dezelfde tabel",
        ["th-has-data-cells"] = "Kopcellen van een tabel horen bij gegevenscellen",
        ["valid-lang"] = "Taalaanduidingen (lang) in de pagina hebben een geldige waarde",
        ["video-caption"] = "Video's hebben ondertitels",
    };

    /// <summary>axe-core's impact of a violation in the report's words.</summary>
    public static IReadOnlyDictionary<string, string> Impact { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["critical"] = "kritiek",
        ["serious"] = "ernstig",
        ["moderate"] = "matig",
        ["minor"] = "gering",
    };
}

/// <summary>Registers what the accessibility report needs.</summary>
public static class AccessibilityServiceCollectionExtensions
{
    public static IServiceCollection AddAccessibilityReport(this IServiceCollection services) => services.AddScoped<CheckedPages>();
}
