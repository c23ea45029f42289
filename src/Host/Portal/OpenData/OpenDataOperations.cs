using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using ProblemDetails = Microsoft.AspNetCore.Mvc.ProblemDetails;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace AdviesRoute.Host.Portal.OpenData;

/// <summary>An example of an endpoint's 200 answer, shown in the OpenAPI document (and checked against its schema by the tests).</summary>
public sealed record OpenDataExample(Func<object> Value);

/// <summary>
/// Completes each open-data operation in the OpenAPI document: Dutch descriptions of every answer, an example of each
/// (the 200 from <see cref="OpenDataExample"/>, the errors as the API writes them), the headers of a 200, and the
/// real type and range of the query parameters the handlers read as text (<see cref="OpenDataQuery"/>).
/// </summary>
internal sealed class OpenDataOperations(IOptions<JsonOptions> json) : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, string> Answers = new(StringComparer.Ordinal)
    {
        ["200"] = "De gevraagde gegevens.",
        ["304"] = "Niet gewijzigd: de ETag in If-None-Match is nog actueel. Zonder inhoud.",
        ["400"] = "Een parameter klopt niet; errors noemt elke parameter met wat er mis is. Er is niets opgezocht.",
        ["404"] = "Er is geen openbaar gegeven met dit kenmerk: het bestaat niet, is niet openbaar of is teruggetrokken.",
        ["410"] = "Het stuk was openbaar en is teruggetrokken; detail, withdrawnAt en reason zeggen wanneer en waarom.",
        ["429"] = "Te veel verzoeken vanaf dit adres; probeer het opnieuw na het aantal seconden in Retry-After.",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter is OpenApiParameter { In: ParameterLocation.Query } query && QueryParameters.TryGetValue(query.Name ?? "", out var describe))
            {
                describe(query);
            }
        }

        operation.Responses ??= [];
        operation.Responses.TryAdd("304", new OpenApiResponse());
        foreach (var (status, answer) in operation.Responses)
        {
            if (answer is not OpenApiResponse response)
            {
                continue;
            }

            response.Description = Answers.TryGetValue(status, out var said) ? said : response.Description;
            var example = status switch
            {
                "200" => context.Description.ActionDescriptor.EndpointMetadata.OfType<OpenDataExample>().FirstOrDefault()?.Value(),
                "400" => ProblemExample(400, "Ongeldige parameter", "De parameter 'year' klopt niet: geef een jaartal van vier cijfers, bijvoorbeeld 2027; ontvangen: '27'.",
                    new Dictionary<string, string[]> { ["year"] = ["geef een jaartal van vier cijfers, bijvoorbeeld 2027; ontvangen: '27'."] }),
                "404" => ProblemExample(404, "Niet gevonden", "Er is geen vergadering met het kenmerk 'ab-2027-04-15' van een orgaan dat iets openbaar maakt."),
                "410" => ProblemExample(410, "Teruggetrokken", "Het stuk 'Bijlage 2 bij de begroting.pdf' is op 20 april 2027 teruggetrokken: Er stonden persoonsgegevens in de bijlage.",
                    extensions: new Dictionary<string, object?> { ["withdrawnAt"] = new DateTimeOffset(2027, 4, 20, 8, 15, 0, TimeSpan.Zero), ["reason"] = "Er stonden persoonsgegevens in de bijlage." }),
                "429" => ProblemExample(429, "Te veel verzoeken", "Vanaf uw adres kwamen meer verzoeken dan de open-data-API per minuut beantwoordt. Probeer het over 42 seconden opnieuw."),
                _ => null,
            };
            foreach (var media in (response.Content ?? new Dictionary<string, OpenApiMediaType>()).Values)
            {
                if (example is not null)
                {
                    media.Example = JsonSerializer.SerializeToNode(example, example.GetType(), json.Value.SerializerOptions);
                }
            }

            if (status == "200")
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers["ETag"] = Header("Een kenmerk van deze versie van het antwoord; stuur het terug in If-None-Match.");
                response.Headers["Last-Modified"] = Header("Wanneer de inhoud voor het laatst openbaar werd, waar het antwoord dat weet.");
                response.Headers[OpenDataCaching.VersionHeader] = Header("De versie van de API, bijvoorbeeld 1.0.0.");
            }
            else if (status == "429")
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers["Retry-After"] = new OpenApiHeader
                {
                    Description = "Na hoeveel seconden een nieuw verzoek weer wordt beantwoord.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                };
            }
        }

        return Task.CompletedTask;
    }

    private static OpenApiHeader Header(string description) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };

    private static ProblemDetails ProblemExample(int status, string title, string detail, Dictionary<string, string[]>? errors = null,
        Dictionary<string, object?>? extensions = null)
    {
        if (errors is not null)
        {
            return new HttpValidationProblemDetails(errors)
            {
                Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                Title = title,
                Status = status,
                Detail = detail,
            };
        }

        var problem = new ProblemDetails
        {
            Type = status switch
            {
                404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
                410 => "https://tools.ietf.org/html/rfc9110#section-15.5.11",
                _ => "https://tools.ietf.org/html/rfc6585#section-4",
            },
            Title = title,
            Status = status,
            Detail = detail,
        };
        foreach (var (key, value) in extensions ?? [])
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }

    /// <summary>The query parameters the handlers read as text: their type, range and meaning.</summary>
    private static readonly Dictionary<string, Action<OpenApiParameter>> QueryParameters = new(StringComparer.Ordinal)
    {
        ["year"] = p => Describe(p, "Alleen vergaderingen in dit jaar.", new OpenApiSchema
        {
            Type = JsonSchemaType.Integer, Minimum = Text(OpenDataQuery.MinYear), Maximum = Text(OpenDataQuery.MaxYear),
        }, 2027),
        ["from"] = p => Describe(p, "Alleen vergaderingen op of na deze dag (JJJJ-MM-DD).", new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" }, "2027-01-01"),
        ["to"] = p => Describe(p, "Alleen vergaderingen op of vóór deze dag (JJJJ-MM-DD); niet vóór from.", new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" }, "2027-06-30"),
        ["page"] = p => Describe(p, "Het nummer van de pagina, vanaf 1.", new OpenApiSchema
        {
            Type = JsonSchemaType.Integer, Minimum = "1", Maximum = Text(int.MaxValue), Default = JsonValue.Create(1),
        }, 1),
        ["pageSize"] = p => Describe(p, $"Hoeveel vergaderingen per pagina, ten hoogste {OpenDataQuery.MaxPageSize}.", new OpenApiSchema
        {
            Type = JsonSchemaType.Integer, Minimum = "1", Maximum = Text(OpenDataQuery.MaxPageSize), Default = JsonValue.Create(OpenDataQuery.DefaultPageSize),
        }, OpenDataQuery.DefaultPageSize),
        ["limit"] = p => Describe(p, $"Hoeveel publicaties, ten hoogste {OpenDataQuery.MaxPageSize}.", new OpenApiSchema
        {
            Type = JsonSchemaType.Integer, Minimum = "1", Maximum = Text(OpenDataQuery.MaxPageSize), Default = JsonValue.Create(OpenDataQuery.DefaultPageSize),
        }, 10),
    };

    private static void Describe<T>(OpenApiParameter parameter, string description, OpenApiSchema schema, T example)
    {
        parameter.Description = description;
        parameter.Schema = schema;
        parameter.Example = JsonValue.Create(example);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
