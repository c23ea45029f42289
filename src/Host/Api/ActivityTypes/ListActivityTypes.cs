using AdviesRoute.Workflows.Activities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AdviesRoute.Host.Api.ActivityTypes;

/// <summary><c>GET /api/activity-types</c>: the newest version of every activity type, for the designer's palette.</summary>
public static class ListActivityTypes
{
    internal static Ok<IReadOnlyCollection<ActivityDescriptor>> Handle([FromServices] ActivityRegistry registry) =>
        TypedResults.Ok(registry.LatestDescriptors);
}
