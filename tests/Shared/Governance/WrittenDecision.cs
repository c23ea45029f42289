namespace AdviesRoute.Tests.Shared.Governance;

/// <summary>
/// A small definition for tests of written rounds: Start → Besluit (or Advies; the step's id is "besluit" or "advies")
/// with the given inputs → an End per
/// outcome ("vastgesteld"/"positief" end as such, the others as "anders"). With <c>againOnRejection</c> a rejection
/// asks the same step again, so a second round starts.
/// </summary>
public static class WrittenDecision
{
    public static string Definition(string definitionId, string inputs, string type = "Besluit", bool againOnRejection = false)
    {
        var (ports, yes) = type == "Advies"
            ? (new[] { "positief", "positiefMetKanttekeningen", "negatief" }, new[] { "positief", "positiefMetKanttekeningen" })
            : (new[] { "vastgesteld", "gewijzigdVastgesteld", "verworpen", "aangehouden", "teruggestuurd" }, new[] { "vastgesteld", "gewijzigdVastgesteld" });
        var step = type.ToLowerInvariant();
        var connections = ports.Select(port =>
        {
            var target = yes.Contains(port) ? "ja" : port == "verworpen" && againOnRejection ? step : "anders";
            return $$"""{ "source": { "activity": "{{step}}", "port": "{{port}}" }, "target": { "activity": "{{target}}", "port": "In" } }""";
        });
        return $$"""
            {
              "definitionId": "{{definitionId}}",
              "name": "Schriftelijke ronde ({{definitionId}})",
              "inputs": [ { "name": "titel", "type": "string", "required": true } ],
              "root": {
                "type": "Flowchart",
                "activities": [
                  { "id": "start", "type": "Start" },
                  { "id": "{{step}}", "type": "{{type}}", "inputs": {{inputs}} },
                  { "id": "ja", "type": "End", "inputs": { "result": "{{yes[0]}}" } },
                  { "id": "anders", "type": "End", "inputs": { "result": "anders" } }
                ],
                "connections": [
                  { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "{{step}}", "port": "In" } },
                  {{string.Join(",\n          ", connections)}}
                ]
              }
            }
            """;
    }
}
