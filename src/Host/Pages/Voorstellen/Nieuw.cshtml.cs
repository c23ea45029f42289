using AdviesRoute.Activities.Texts;
using AdviesRoute.Activities.Calendar;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Host.Proposals.Documents;
using AdviesRoute.Host.Proposals.Modes;
using AdviesRoute.Host.Proposals.Start;
using AdviesRoute.Host.Security;
using AdviesRoute.Workflows.Queries;
using AdviesRoute.Workflows.Runtime;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace AdviesRoute.Host.Pages.Voorstellen;

/// <summary>
/// The secretary starts a proposal: its fields, up to five documents (each may be marked vertrouwelijk) and the
/// route. A plain multipart form that works without JavaScript. The body is read as a stream (<see cref="UploadForm"/>),
/// so the anti-forgery token, which the page puts first in the form, is checked by hand once the body is read.
/// </summary>
[Authorize(Policy = Policies.OperateInstances)]
[IgnoreAntiforgeryToken(Order = 1001)] // above the order of Razor Pages' own validation filter, so this one counts
[DisableFormValueModelBinding]
public sealed class NieuwModel(
    StartProposal starter,
    IGovernanceDirectory directory,
    IWorkflowReader workflows,
    IAntiforgery antiforgery,
    IOptions<DocumentOptions> documentOptions,
    IOptions<ProposalOptions> proposalOptions,
    TimeProvider time,
    ILogger<NieuwModel> logger) : PageModel
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public StartInput Input { get; set; } = new();

    /// <summary>Meeting or in writing, per BAC advice and DB decision (the partial <c>_WijzeKeuze</c>).</summary>
    public ModeInput Wijze { get; set; } = new();

    /// <summary>The fieldset with the beslispunten, kenmerk, steller, openbaarheid and zienswijzen vrijgesteld.</summary>
    public DecisionFields Besluit { get; set; } = new();

    public IReadOnlyList<MemberGroup> Members { get; private set; } = [];

    public IReadOnlyList<MeetingChoice> Meetings { get; private set; } = [];

    public IReadOnlyList<DefinitionChoice> Definitions { get; private set; } = [];

    public int MaxSizeMegabytes => documentOptions.Value.MaxSizeMegabytes;

    public static int FileInputs => DocumentOptions.MaxFilesPerForm;

    /// <summary>Files were sent with a form that came back: a browser never fills a file input again, so say so.</summary>
    public bool ChooseFilesAgain { get; private set; }

    /// <summary>A refusal that belongs to no single field (the engine refused the start).</summary>
    public string? GeneralError { get; private set; }

    /// <summary>The one picker for the documents (several files at once).</summary>
    public const string DocumentsField = "Stukken";

    /// <summary>The picker for documents that open for a board member only after a code sent to their own address.</summary>
    public const string ConfidentialDocumentsField = "VertrouwelijkeStukken";

    /// <summary>
    /// A file field of the form before it had one picker ("Document1" … "Document5", each with its box
    /// "Vertrouwelijk1" …): still read, so a script that posts the old form keeps working.
    /// </summary>
    public static string FileField(int number) => $"Document{number}";

    public static string ConfidentialField(int number) => $"Vertrouwelijk{number}";

    /// <summary>The legible rule of the AB meetings' documents deadline, said once beside the list of meetings.</summary>
    public string? MeetingRule { get; private set; }

    public sealed class StartInput
    {
        [Required(ErrorMessage = "Vul een titel in.")]
        [StringLength(200, ErrorMessage = "De titel is te lang: ten hoogste 200 tekens.")]
        [Display(Name = "Titel")]
        public string? Titel { get; set; }

        [Required(ErrorMessage = "Kies de pijler.")]
        [Display(Name = "Pijler")]
        public string? Pijler { get; set; }

        [Required(ErrorMessage = "Kies de soort voorstel.")]
        [Display(Name = "Soort voorstel")]
        public string? Soort { get; set; }

        [StringLength(4000, ErrorMessage = "De samenvatting is te lang: ten hoogste 4000 tekens.")]
        [Display(Name = "Samenvatting (optioneel)")]
        public string? Samenvatting { get; set; }

        [Required(ErrorMessage = "Kies de portefeuillehouder.")]
        [Display(Name = "Portefeuillehouder")]
        public string? Portefeuillehouder { get; set; }

        [Display(Name = "Gewenste vergadering van het algemeen bestuur")]
        public string? GewensteVergadering { get; set; }

        [Required(ErrorMessage = "Kies het bestuursmodel.")]
        [Display(Name = "Bestuursmodel")]
        public string? Bestuursmodel { get; set; }

        [Display(Name = "Terugkoppeling naar de colleges nodig")]
        public bool TerugkoppelingColleges { get; set; }

        [Required(ErrorMessage = "Kies de route.")]
        [Display(Name = "Route")]
        public string? Route { get; set; }
    }

    public sealed record MemberGroup(string BodyName, IReadOnlyList<MemberChoice> Members);

    public sealed record MemberChoice(string Id, string Name, string Label);

    public sealed record MeetingChoice(string Id, string Label);

    public sealed record DefinitionChoice(string Id, string Name);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.Bestuursmodel = proposalOptions.Value.Bestuursmodel;
        Input.Route = ProposalChoices.DefaultDefinition;
        await LoadChoicesAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var limits = documentOptions.Value;
        var form = await UploadForm.ReadAsync(Request, limits.MaxSizeBytes, limits.MaxFormBytes, cancellationToken);
        if (form.Unreadable is { } reason)
        {
            logger.LogInformation("Start form refused: {Reason}.", reason);
            return BadRequest();
        }

        if (!await form.AntiforgeryHoldsAsync(HttpContext, antiforgery, logger))
        {
            return BadRequest();
        }

        var nothingRead = form.NothingRead;
        if (!nothingRead)
        {
            await TryUpdateModelAsync(Input, nameof(Input), new FormValueProvider(BindingSource.Form, form.Form, CultureInfo.InvariantCulture));
            await TryUpdateModelAsync(Besluit, DecisionFields.Prefix, new FormValueProvider(BindingSource.Form, form.Form, CultureInfo.InvariantCulture));
        }
        else
        {
            // Bigger than the form may be, announced up front: nothing was read, so nothing typed can be shown again.
            Input.Bestuursmodel = proposalOptions.Value.Bestuursmodel;
            Input.Route = ProposalChoices.DefaultDefinition;
        }

        if (!nothingRead)
        {
            await TryUpdateModelAsync(Wijze, nameof(Wijze), new FormValueProvider(BindingSource.Form, form.Form, CultureInfo.InvariantCulture));
        }

        await LoadChoicesAsync(cancellationToken);
        var documents = CheckDocuments(form, limits);
        CheckChoices();
        CheckModes();
        if (!nothingRead)
        {
            Besluit.Check(ModelState, Input.Soort);
        }

        if (form.TooLarge)
        {
            var total = DocumentInspection.Megabytes(limits.MaxFormBytes, limits.MaxFormBytes);
            ModelState.AddModelError(DocumentsField, nothingRead
                ? $"Wat u verstuurde is groter dan {total}, de grens voor het hele formulier ({FileInputs} bestanden van ten hoogste {limits.MaxSizeMegabytes} MB). Er is niets opgeslagen; vul het formulier opnieuw in en kies kleinere bestanden."
                : $"De bestanden zijn samen groter dan {total}, de grens voor het hele formulier ({FileInputs} bestanden van ten hoogste {limits.MaxSizeMegabytes} MB). Er is niets opgeslagen; kies kleinere bestanden.");
        }

        if (!ModelState.IsValid)
        {
            ChooseFilesAgain = form.Files.Count > 0 || form.TooLarge;
            return Page();
        }

        var member = Members.SelectMany(g => g.Members).First(m => m.Id == Input.Portefeuillehouder);
        var proposal = Besluit.ApplyTo(new NewProposal(
            Input.Route!,
            Input.Titel!.Trim(),
            Input.Pijler!,
            Input.Soort!,
            string.IsNullOrWhiteSpace(Input.Samenvatting) ? null : Input.Samenvatting.Trim(),
            member.Id,
            member.Name,
            string.IsNullOrEmpty(Input.GewensteVergadering) ? null : Input.GewensteVergadering,
            Input.Bestuursmodel!,
            Input.TerugkoppelingColleges,
            documents)
        {
            BacMode = Wijze.Bac,
            DbMode = Wijze.Db,
        });
        try
        {
            var instanceId = await starter.StartAsync(proposal, User.Identity?.Name ?? "onbekend", cancellationToken);
            return Redirect($"/Voorstellen/{Uri.EscapeDataString(instanceId)}");
        }
        catch (WorkflowException ex)
        {
            GeneralError = $"Het voorstel is niet gestart: {ex.Message}";
            ChooseFilesAgain = form.Files.Count > 0;
            return Page();
        }
    }

    /// <summary>
    /// Checks each file by its size and content; a refusal names the file and goes beside the picker it was chosen in.
    /// More files than the form takes at once are refused as a whole.
    /// </summary>
    private List<NewDocument> CheckDocuments(UploadForm form, DocumentOptions limits)
    {
        var chosen = new List<(UploadedFile File, bool Confidential, string Field)>();
        foreach (var file in form.Files)
        {
            var legacy = Enumerable.Range(1, FileInputs).FirstOrDefault(n => file.FieldName == FileField(n));
            var confidential = file.FieldName == ConfidentialDocumentsField
                || (legacy > 0 && form.Fields.TryGetValue(ConfidentialField(legacy), out var box) && box.Contains("true"));
            if (file.FieldName == DocumentsField || file.FieldName == ConfidentialDocumentsField || legacy > 0)
            {
                chosen.Add((file, confidential, confidential ? ConfidentialDocumentsField : DocumentsField));
            }
        }

        if (chosen.Count > FileInputs)
        {
            ModelState.AddModelError(DocumentsField, $"U koos {DutchFormat.Count(chosen.Count, "bestand", "bestanden")}; ten hoogste {FileInputs} per keer. Voeg de andere later toe met Stuk toevoegen.");
            return [];
        }

        var documents = new List<NewDocument>();
        foreach (var (file, confidential, field) in chosen)
        {
            var (document, refusal) = DocumentInspection.Check(file, confidential, limits);
            if (refusal is not null)
            {
                ModelState.AddModelError(field, refusal);
                continue;
            }

            documents.Add(document!);
        }

        return documents;
    }

    /// <summary>Only what the form offered: a value from a tampered or stale form is refused beside its field.</summary>
    private void CheckChoices()
    {
        void Refuse(string property, string message)
        {
            var key = $"{nameof(Input)}.{property}";
            if (ModelState[key]?.Errors.Count is not > 0)
            {
                ModelState.AddModelError(key, message);
            }
        }

        if (Input.Pijler is not null && !ProposalChoices.IsOneOf(ProposalChoices.Pijlers, Input.Pijler))
        {
            Refuse(nameof(StartInput.Pijler), "Kies een pijler uit de lijst.");
        }

        if (Input.Soort is not null && !ProposalChoices.IsOneOf(ProposalChoices.Soorten, Input.Soort))
        {
            Refuse(nameof(StartInput.Soort), "Kies een soort voorstel uit de lijst.");
        }

        if (Input.Bestuursmodel is not null && !ProposalChoices.IsOneOf(ProposalChoices.Bestuursmodellen, Input.Bestuursmodel))
        {
            Refuse(nameof(StartInput.Bestuursmodel), "Kies een bestuursmodel uit de lijst.");
        }

        if (Input.Portefeuillehouder is not null && !Members.Any(g => g.Members.Any(m => m.Id == Input.Portefeuillehouder)))
        {
            Refuse(nameof(StartInput.Portefeuillehouder), "Kies een portefeuillehouder uit de lijst; de gekozen persoon zit vandaag niet (meer) in het dagelijks of algemeen bestuur.");
        }

        if (!string.IsNullOrEmpty(Input.GewensteVergadering) && Meetings.All(m => m.Id != Input.GewensteVergadering))
        {
            Refuse(nameof(StartInput.GewensteVergadering), "Kies een komende vergadering uit de lijst.");
        }

        if (Input.Route is not null && Definitions.All(d => d.Id != Input.Route))
        {
            Refuse(nameof(StartInput.Route), "Kies een route uit de lijst.");
        }
    }

    /// <summary>A written round only where the rule allows it for the chosen kind and model; the refusal goes beside its choice.</summary>
    private void CheckModes()
    {
        foreach (var step in new[] { ModeStep.Bac, ModeStep.Db })
        {
            if (ProposalModes.Refusal(directory.Current.Model, step, Wijze.Of(step), Input.Soort, Input.Pijler, Input.Bestuursmodel) is { } refusal)
            {
                ModelState.AddModelError(ModeInput.Field(step), refusal);
            }
        }
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var snapshot = directory.Current;
        var now = time.GetUtcNow();
        var today = DutchTime.Today(now);
        var model = snapshot.Model;
        var municipalities = model.Municipalities.ToDictionary(m => m.Id, m => m.Name);
        Members = model.Bodies
            .Where(b => b.Kind is BodyKind.DagelijksBestuur or BodyKind.AlgemeenBestuur)
            .OrderBy(b => b.Kind == BodyKind.DagelijksBestuur ? 0 : 1)
            .Select(b => new MemberGroup(b.Name, model.MembersOf(b.Id, today)
                .Where(m => m.Role != MemberRole.Plaatsvervanger) // a substitute stands in for a seat, holds no portfolio
                .OrderBy(m => m.Name, StringComparer.Create(Dutch, ignoreCase: true))
                .Select(m => new MemberChoice(m.Id, m.Name, MemberLabel(m, municipalities)))
                .ToList()))
            .Where(g => g.Members.Count > 0)
            .ToList();

        var generalBoards = model.Bodies.Where(b => b.Kind == BodyKind.AlgemeenBestuur).Select(b => b.Id).ToHashSet();
        var meetings = snapshot.Calendar.Meetings
            .Where(m => generalBoards.Contains(m.Body) && m.Date >= today)
            .OrderBy(m => m.Date).ThenBy(m => m.Time)
            .ToList();
        Meetings = meetings
            .Select(m => new MeetingChoice(m.Id,
                $"{DutchFormat.DayWithWeekday(m.Date)} – stukken uiterlijk {DutchFormat.Day(m.DocumentsDeadline.Date)}"
                + (m.DocumentsDeadline.Moment < now ? " – de termijn voor de stukken is verstreken" : "")))
            .ToList();

        // The rule is the same for every meeting of the board as a rule goes: said once, not in every option.
        var rules = meetings.Select(m => $"{m.DocumentsDeadline.Rule} ({m.DocumentsDeadline.LegalBasis})").Distinct().ToList();
        MeetingRule = rules.Count == 0 ? null : DutchFormat.List(rules);

        // Only routes meant for proposals: an example of the engine (its definition's category says so) is not offered.
        var published = new List<DefinitionSummary>();
        foreach (var definition in await workflows.ListDefinitionsAsync(DefinitionListing.LatestPublished, cancellationToken))
        {
            var stored = await workflows.GetDefinitionModelAsync(definition.VersionId, cancellationToken);
            if (stored is not null && !ProposalChoices.IsHiddenFromSecretaries(stored))
            {
                published.Add(definition);
            }
        }

        Definitions = published
            .Select(d => new DefinitionChoice(d.DefinitionId, string.IsNullOrWhiteSpace(d.Name) ? d.DefinitionId : d.Name))
            .OrderBy(d => d.Id == ProposalChoices.DefaultDefinition ? 0 : 1).ThenBy(d => d.Name, StringComparer.Create(Dutch, ignoreCase: true))
            .ToList();
    }

    private static string MemberLabel(Member member, Dictionary<string, string> municipalities)
    {
        var role = member.Role switch
        {
            MemberRole.Voorzitter => "voorzitter",
            MemberRole.Portefeuillehouder => "portefeuillehouder",
            _ => null,
        };
        var place = member.Municipality is { } id && municipalities.TryGetValue(id, out var name) ? name : null;
        var details = string.Join(", ", new[] { role, place }.Where(s => s is not null));
        return details.Length == 0 ? member.Name : $"{member.Name} ({details})";
    }
}
