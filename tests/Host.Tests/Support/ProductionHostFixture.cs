namespace AdviesRoute.Host.Tests.Support;

/// <summary>The same host in environment Production: what exists only for testing must be absent.</summary>
public sealed class ProductionHostFixture() : HostFixture(folder: null, environment: "Production", adminPassword: AdminPassword);
