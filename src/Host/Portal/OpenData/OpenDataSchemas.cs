using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AdviesRoute.Host.Portal.OpenData;

/// <summary>
/// Says in the open-data document what the API writes, not what the host would also read: whole numbers are integers
/// (the web defaults would allow a numeric string, which the API never sends), and a meeting's time is written
/// UU:MM:SS in Dutch time, without the offset that JSON Schema's <c>time</c> format requires.
/// </summary>
internal sealed class OpenDataSchemas : IOpenApiSchemaTransformer
{
    public const string TimePattern = "^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$";

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type == typeof(int) || type == typeof(long))
        {
            schema.Type = JsonSchemaType.Integer | (schema.Type & JsonSchemaType.Null);
            schema.Pattern = null;
        }
        else if (type == typeof(TimeOnly))
        {
            schema.Format = null;
            schema.Pattern = TimePattern;
        }

        return Task.CompletedTask;
    }
}
