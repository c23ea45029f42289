using AdviesRoute.Activities.Texts;
using AdviesRoute.Activities.Calendar;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AdviesRoute.Activities.Governance.Directory;
using AdviesRoute.Activities.Governance.Model;
using AdviesRoute.Host.Proposals.Documents;
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

    public IReadOnlyList<MemberGroup> Members { get; private set; } = [];

    public IReadOnlyList<MeetingChoice> Meetings { get; private set; } = [];

    public IReadOnlyList<DefinitionChoice> Definitions { get; private set; } = [];

    public int MaxSizeMegabytes => documentOptions.Value.MaxSizeMegabytes;

    public static int FileInputs => DocumentOptions.MaxFilesPerForm;

    /// <summary>Files were sent with a form that came back: a browser never fills a file input again, so say so.</summary>
    public bool ChooseFilesAgain { get; private set; }

    /// <summary>The file inputs whose "vertrouwelijk" box was ticked, ticked again when the form comes back.</summary>
    public IReadOnlySet<int> Confidential { get; private set; } = new HashSet<int>();

    /// <summary>A refusal that belongs to no single field (the engine refused the start).</summary>
    public string? GeneralError { get; private set; }

    /// <summary>The form's field, as the inputs' names and ids have it.</summary>
    public static string FileField(int number) => $"Document{number}";

    public static string ConfidentialField(int number) => $"Vertrouwelijk{number}";

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
        }
        else
        {
            // Bigger than the form may be, announced up front: nothing was read, so nothing typed can be shown again.
            Input.Bestuursmodel = proposalOptions.Value.Bestuursmodel;
            Input.Route = ProposalChoices.DefaultDefinition;
        }

        await LoadChoicesAsync(cancellationToken);
        Confidential = Enumerable.Range(1, FileInputs)
            .Where(n => form.Fields.TryGetValue(ConfidentialField(n), out var box) && box.Contains("true"))
            .ToHashSet();
        var documents = CheckDocuments(form, limits);
        CheckChoices();
        if (form.TooLarge)
        {
            var total = DocumentInspection.Megabytes(limits.MaxFormBytes, limits.MaxFormBytes);
            ModelState.AddModelError(FileField(1), nothingRead
                ? $"Wat u verstuurde is groter dan {total}, de grens voor het hele formulier ({FileInputs} bestanden van ten hoogste {limits.MaxSizeMegabytes} MB). Er is niets opgeslagen; vul het formulier opnieuw in en kies kleinere bestanden."
                : $"De bestanden zijn samen groter dan {total}, de grens voor het hele formulier ({FileInputs} bestanden van ten hoogste {limits.MaxSizeMegabytes} MB). Er is niets opgeslagen; kies kleinere bestanden.");
        }

        if (!ModelState.IsValid)
        {
            ChooseFilesAgain = form.Files.Count > 0 || form.TooLarge;
            return Page();
        }

        var member = Members.SelectMany(g => g.Members).First(m => m.Id == Input.Portefeuillehouder);
        var proposal = new NewProposal(
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
            documents);
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

    /// <summary>Checks each file by its size and content; refusals go beside the file's own input.</summary>
    private List<NewDocument> CheckDocuments(UploadForm form, DocumentOptions limits)
    {
        var documents = new List<NewDocument>();
        for (var number = 1; number <= FileInputs; number++)
        {
            var field = FileField(number);
            var file = form.Files.FirstOrDefault(f => f.FieldName == field);
            if (file is null)
            {
                continue;
            }

            var (document, refusal) = DocumentInspection.Check(file, Confidential.Contains(number), limits);
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
        Meetings = snapshot.Calendar.Meetings
            .Where(m => generalBoards.Contains(m.Body) && m.Date >= today)
            .OrderBy(m => m.Date).ThenBy(m => m.Time)
            .Select(m => new MeetingChoice(m.Id,
                $"{DutchFormat.DayWithWeekday(m.Date)} – stukken {m.DocumentsDeadline.Display}"
                + (m.DocumentsDeadline.Moment < now ? " – de termijn voor de stukken is verstreken" : "")))
            .ToList();

        var published = await workflows.ListDefinitionsAsync(DefinitionListing.LatestPublished, cancellationToken);
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
