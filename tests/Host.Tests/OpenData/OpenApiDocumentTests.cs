using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AdviesRoute.Host.Tests.Support;
using Microsoft.OpenApi;
using Xunit.Abstractions;

namespace AdviesRoute.Host.Tests.OpenData;

/// <summary>
/// The OpenAPI document "openbaar": anonymous, read without errors by Microsoft.OpenApi's reader, separate from the
/// authenticated v1 document, with an example that fits each schema, and every documented path and answer given by the
/// API as documented, called with the real ids of a published meeting (<see cref="OpenDataFixture"/>).
/// </summary>
public sealed class OpenApiDocumentTests(OpenDataFixture walk, ITestOutputHelper output) : IClassFixture<OpenDataFixture>
{
    private const string DocumentPath = "/openapi/openbaar.json";

    [Fact]
    public async Task The_open_data_document_is_served_anonymously_and_the_reader_finds_no_error()
    {
        using var client = walk.Host.Anonymous();
        using var response = await client.GetAsync(DocumentPath);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().ContainSingle().Which.Should().Be("*", "a documentation tool on another site may read it");
        var contract = OpenApiContract.Parse(await response.Content.ReadAsStringAsync());

        contract.Read.Diagnostic!.Errors.Should().BeEmpty();
        contract.Read.Diagnostic.SpecificationVersion.Should().Be(OpenApiSpecVersion.OpenApi3_1);
        contract.Document.Validate(Microsoft.OpenApi.ValidationRuleSet.GetDefaultRuleSet()).Should().BeEmpty("the document keeps the specification's rules");
        contract.Document.Info.Title.Should().Be("Open data van Gemeenschappelijke regeling SamenDrenthe");
        contract.Document.Info.License!.Name.Should().Be("CC0 1.0");
        contract.Document.Info.Description.Should().Contain("Licentie van de gegevens: CC0 1.0, zoals de GR die heeft gekozen");
        contract.Document.Paths.Keys.Should().BeEquivalentTo(
            "/api/openbaar/v1", "/api/openbaar/v1/organen", "/api/openbaar/v1/organen/{bodyId}/vergaderingen",
            "/api/openbaar/v1/vergaderingen/{meetingId}", "/api/openbaar/v1/stukken/{documentId}", "/api/openbaar/v1/publicaties");

        // Every operation is read-only and speaks Dutch: a summary, a description, and a Dutch text for each answer.
        foreach (var (path, method, operation) in contract.Operations())
        {
            method.Should().Be("get", "{0} only reads", path);
            ((string?)operation["summary"]).Should().NotBeNullOrWhiteSpace("{0} has a summary", path);
            ((string?)operation["description"]).Should().NotBeNullOrWhiteSpace("{0} has a description", path);
            foreach (var (status, answer) in operation["responses"]!.AsObject())
            {
                var said = (string?)answer!["description"];
                said.Should().NotBeNullOrWhiteSpace();
                new[] { "OK", "Not Found", "Bad Request", "Too Many Requests", "Not Modified" }.Should().NotContain(said, "{0} {1} is described in Dutch", path, status);
            }

            OpenApiContract.Responses(operation).Keys.Should().Contain(["200", "304", "429"], "{0} documents its answer, the 304 and the rate limit", path);
        }
    }

    [Fact]
    public async Task The_authenticated_document_lists_no_open_data_endpoint_and_the_open_data_document_nothing_else()
    {
        using var anonymous = walk.Host.Anonymous();
        (await anonymous.GetAsync("/openapi/v1.json")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the product's own API document stays closed");
        using var secretary = walk.Host.Secretary();
        var v1 = OpenApiContract.Parse(await secretary.GetStringAsync("/openapi/v1.json"));
        v1.Document.Paths.Keys.Should().NotContain(p => p.StartsWith("/api/openbaar", StringComparison.Ordinal));
        v1.Document.Paths.Keys.Should().Contain("/api/instances");

        var open = OpenApiContract.Parse(await anonymous.GetStringAsync(DocumentPath));
        open.Document.Paths.Keys.Should().OnlyContain(p => p.StartsWith("/api/openbaar/v1", StringComparison.Ordinal));
        open.Json["components"]!["securitySchemes"].Should().BeNull("the open data needs no key");
        open.Json["security"].Should().BeNull();
    }

    [Fact]
    public async Task Every_example_in_the_document_fits_its_schema()
    {
        using var client = walk.Host.Anonymous();
        var contract = OpenApiContract.Parse(await client.GetStringAsync(DocumentPath));
        var checkedExamples = 0;
        foreach (var (path, _, operation) in contract.Operations())
        {
            foreach (var (status, answer) in operation["responses"]!.AsObject())
            {
                foreach (var (media, content) in answer!["content"]?.AsObject() ?? [])
                {
                    var example = content!["example"];
                    if (status is "200" or "400" or "404" or "410" or "429")
                    {
                        example.Should().NotBeNull("{0} {1} {2} has an example", path, status, media);
                    }

                    contract.Check(operation, status, media, example).Should().BeEmpty("the example of {0} {1} fits its schema", path, status);
                    checkedExamples++;
                }
            }
        }

        checkedExamples.Should().BeGreaterThanOrEqualTo(14);
    }

    [Fact]
    public async Task Every_documented_path_and_answer_is_given_as_documented_with_real_ids()
    {
        using var client = walk.Host.Anonymous();
        var contract = OpenApiContract.Parse(await client.GetStringAsync(DocumentPath));
        var ids = new Dictionary<string, string>
        {
            ["bodyId"] = "ab",
            ["meetingId"] = walk.AbMeeting,
            ["documentId"] = walk.PublicDocument,
        };
        var answered = new List<string>();
        foreach (var (template, _, operation) in contract.Operations())
        {
            var path = ids.Aggregate(template, (p, id) => p.Replace("{" + id.Key + "}", id.Value, StringComparison.Ordinal));
            path.Should().NotContain("{", "every path parameter of {0} has a real id here", template);
            var queryParameters = (operation["parameters"]?.AsArray() ?? []).Where(p => (string?)p!["in"] == "query").Select(p => (string)p!["name"]!).ToList();
            foreach (var (status, media) in OpenApiContract.Responses(operation))
            {
                var request = status switch
                {
                    "200" or "304" => path,
                    "400" => queryParameters.Count > 0 ? $"{path}?{queryParameters[0]}=niet-geldig" : null,
                    "404" => template.Contains('{') ? Unknown(template, ids) : null,
                    "410" => template.Contains("{documentId}", StringComparison.Ordinal) ? path.Replace(walk.PublicDocument, walk.WithdrawnDocument, StringComparison.Ordinal) : null,
                    "429" => null, // on a host with a low limit: OpenDataRateLimitTests
                    _ => throw new InvalidOperationException($"{template} documents {status}, which this test does not know how to ask for."),
                };
                if (status == "429")
                {
                    continue;
                }

                request.Should().NotBeNull("{0} documents {1}, so it must be able to answer it", template, status);

                using var message = new HttpRequestMessage(HttpMethod.Get, request);
                if (status == "304")
                {
                    using var first = await client.GetAsync(path);
                    message.Headers.IfNoneMatch.Add(first.Headers.ETag!);
                }

                using var response = await client.SendAsync(message);
                var text = await response.Content.ReadAsStringAsync();
                ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture).Should().Be(status, "GET {0} answers {1}: {2}", request, status, text);
                if (media.Count == 0)
                {
                    text.Should().BeEmpty();
                    continue;
                }

                var type = response.Content.Headers.ContentType!.MediaType!;
                media.Should().Contain(type, "GET {0} answers in a documented media type", request);
                contract.Check(operation, status, type, JsonNode.Parse(text)).Should().BeEmpty("GET {0} ({1}) fits its schema: {2}", request, status, text);
                answered.Add($"{status} {request}");
            }
        }

        output.WriteLine(string.Join("\n", answered));
        answered.Count.Should().BeGreaterThanOrEqualTo(6 + 3 + 2 + 1);
    }

    [Fact]
    public async Task The_checker_refuses_an_answer_that_does_not_fit_so_the_checks_above_can_fail()
    {
        using var client = walk.Host.Anonymous();
        var contract = OpenApiContract.Parse(await client.GetStringAsync(DocumentPath));
        var operation = contract.Operations().Single(o => o.Path == "/api/openbaar/v1/stukken/{documentId}").Operation;
        var real = JsonNode.Parse(await client.GetStringAsync($"/api/openbaar/v1/stukken/{walk.PublicDocument}"))!.AsObject();
        contract.Check(operation, "200", "application/json", real).Should().BeEmpty();

        var missing = real.DeepClone().AsObject();
        missing.Remove("wooCategory");
        contract.Check(operation, "200", "application/json", missing).Should().NotBeEmpty("a required property is missing");
        var extra = real.DeepClone().AsObject();
        extra["vertrouwelijk"] = true;
        contract.Check(operation, "200", "application/json", extra).Should().NotBeEmpty("a property the document does not describe is refused");
        var wrongType = real.DeepClone().AsObject();
        wrongType["size"] = "groot";
        contract.Check(operation, "200", "application/json", wrongType).Should().NotBeEmpty("a size is a number");
        var wrongDate = real.DeepClone().AsObject();
        wrongDate["meetingDate"] = "14 april 2027";
        contract.Check(operation, "200", "application/json", wrongDate).Should().NotBeEmpty("a date is JJJJ-MM-DD");
    }

    /// <summary>The path with its last parameter replaced by an id that does not exist.</summary>
    private static string Unknown(string template, IReadOnlyDictionary<string, string> ids)
    {
        var last = ids.Keys.Last(k => template.Contains("{" + k + "}", StringComparison.Ordinal));
        return ids.Aggregate(template, (p, id) => p.Replace("{" + id.Key + "}", id.Key == last ? "bestaat-niet" : id.Value, StringComparison.Ordinal));
    }
}
