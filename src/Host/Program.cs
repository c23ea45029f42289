using AdviesRoute.Activities;
using AdviesRoute.Host;
using AdviesRoute.Host.Data;
using AdviesRoute.Workflows;

var builder = WebApplication.CreateBuilder(args);
if (BackupCommand.TryRun(args, builder) is { } exitCode)
{
    return exitCode;                                                              // `-- backup FILE`: online backup, no host
}

builder.AddAdviesRouteHost();                                                     // src/Host: pages, API, accounts, jobs, health
builder.Services.AddActivities(builder.Configuration);                          // src/Activities: governance model, jaarkalender, deadlines, simulation
builder.Services.AddWorkflows(builder.Configuration, ActivityAssemblies.All);   // src/Workflows, with the activities of src/Activities

var app = builder.Build();
await app.InitializeAdviesRouteAsync();                                           // migrations, roles, first administrator
app.MapAdviesRoute();
await app.RunAsync();
return 0;

/// <summary>The entry point; public so the host tests can start it with WebApplicationFactory.</summary>
public partial class Program;
