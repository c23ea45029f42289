using AdviesRoute.Activities.Calendar;
using AdviesRoute.Activities.Texts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdviesRoute.Host.Portal.OpenData;

/// <summary>The open-data API's refusals, as problem details in Dutch.</summary>
internal static class OpenDataProblems
{
    /// <summary>
    /// Unknown, and not public (besloten, vertrouwelijk, withdrawn, not yet published) get the same answer, so the API
    /// does not tell whether something exists that is not public.
    /// </summary>
    /// <param name="sentence">The Dutch sentence with <c>{0}</c> where the id goes, quoted.</param>
    public static ProblemHttpResult NotFound(string sentence, string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden",
            detail: string.Format(System.Globalization.CultureInfo.InvariantCulture, sentence, $"'{Shorten(id)}'"));

    /// <summary>A stuk that was public and was withdrawn: 410, with the day and the reason, also as extensions.</summary>
    public static ProblemHttpResult Withdrawn(OpenDataWithdrawal withdrawal) =>
        TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "Teruggetrokken",
            detail: $"Het stuk '{withdrawal.What}' is op {DutchFormat.Day(DutchTime.Today(withdrawal.WithdrawnAt))} teruggetrokken: {withdrawal.Reason}",
            extensions: new Dictionary<string, object?> { ["withdrawnAt"] = withdrawal.WithdrawnAt, ["reason"] = withdrawal.Reason });

    /// <summary>An address under the API that names no resource.</summary>
    public static ProblemHttpResult UnknownAddress(string path) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Onbekend adres",
            detail: $"De open-data-API kent het adres '{Shorten(path)}' niet. Welke adressen er zijn, staat in {OpenDataApi.DocumentPath}.");

    /// <summary>400 with each refused query parameter under its own name in <c>errors</c>, and named in the detail.</summary>
    public static ValidationProblem InvalidQuery(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: "Ongeldige parameter",
            detail: errors.Count == 1
                ? $"De parameter '{errors.Keys.Single()}' klopt niet: {errors.Values.Single()[0]}"
                : $"De parameters {string.Join(" en ", errors.Keys.Select(k => $"'{k}'"))} kloppen niet; zie errors.");

    /// <summary>An id as typed, cut short: an address can be long, the answer need not be.</summary>
    private static string Shorten(string id) => id.Length <= 80 ? id : id[..80] + "…";
}
