using System.ComponentModel.DataAnnotations;

namespace AdviesRoute.Host.Documents;

/// <summary>Configuration section <c>OfficialDocuments</c>: what every agenda, besluitenlijst and nota says about who sends it.</summary>
public sealed class OfficialDocumentOptions
{
    public const string Section = "OfficialDocuments";

    /// <summary>The body that issues the documents, at the top of every page.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "OfficialDocuments:Organisation is verplicht: de naam die boven elke pagina van agenda, besluitenlijst en nota staat.")]
    [StringLength(120, ErrorMessage = "OfficialDocuments:Organisation is ten hoogste 120 tekens.")]
    public string Organisation { get; set; } = "Gemeenschappelijke regeling SamenDrenthe";
}
