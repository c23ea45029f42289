using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace AdviesRoute.Workflows.Activities;

/// <summary>
/// Every activity type the engine can run, by type name and version, discovered from the assemblies given
/// at start-up. Old versions stay registered so instances saved under them still load.
/// </summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<(string Type, int Version), Registration> _byKey = [];
    private readonly Dictionary<string, Registration> _latest = [];

    public ActivityRegistry(IServiceProvider services, IEnumerable<Assembly> assemblies)
    {
        foreach (var type in assemblies.Distinct().SelectMany(a => a.GetTypes()))
        {
            if (type.IsAbstract || !typeof(Activity).IsAssignableFrom(type))
            {
                continue;
            }

            var attribute = type.GetCustomAttribute<ActivityAttribute>();
            if (attribute is null)
            {
                continue;
            }

            var descriptor = Describe(type, attribute);
            var activity = (Activity)ActivatorUtilities.CreateInstance(services, type);
            if (activity is IDescribesItself self)
            {
                var declared = self.Describe(descriptor);
                if (declared.Type != descriptor.Type || declared.Version != descriptor.Version)
                {
                    throw new InvalidOperationException($"Activity type {descriptor.Type} v{descriptor.Version} describes itself as {declared.Type} v{declared.Version}.");
                }

                descriptor = declared;
            }

            var registration = new Registration(descriptor, activity);
            if (!_byKey.TryAdd((descriptor.Type, descriptor.Version), registration))
            {
                throw new InvalidOperationException($"Activity type {descriptor.Type} v{descriptor.Version} is registered twice.");
            }

            if (!_latest.TryGetValue(descriptor.Type, out var current) || current.Descriptor.Version < descriptor.Version)
            {
                _latest[descriptor.Type] = registration;
            }
        }
    }

    /// <summary>The newest version of each type, for the designer's palette.</summary>
    public IReadOnlyCollection<ActivityDescriptor> LatestDescriptors =>
        _latest.Values.Select(r => r.Descriptor).OrderBy(d => d.Category).ThenBy(d => d.DisplayName).ToList();

    /// <summary>All registered type versions.</summary>
    public IEnumerable<ActivityDescriptor> AllDescriptors => _byKey.Values.Select(r => r.Descriptor);

    public bool TryGet(string type, int? version, out ActivityDescriptor descriptor, out Activity activity)
    {
        Registration? registration;
        var found = version is null ? _latest.TryGetValue(type, out registration) : _byKey.TryGetValue((type, version.Value), out registration);
        descriptor = registration?.Descriptor!;
        activity = registration?.Activity!;
        return found;
    }

    public bool IsKnownType(string type) => _latest.ContainsKey(type);

    public int? LatestVersion(string type) => _latest.TryGetValue(type, out var r) ? r.Descriptor.Version : null;

    internal static ActivityDescriptor Describe(Type type, ActivityAttribute attribute)
    {
        // Inputs declared on a base class (e.g. what advice and decision share) come first, then the type's own.
        var chain = new List<Type>();
        for (var t = type; t is not null && t != typeof(Activity); t = t.BaseType)
        {
            chain.Insert(0, t);
        }

        var declaredOnClass = chain.SelectMany(t => t.GetCustomAttributes<InputAttribute>(inherit: false)).ToList();
        var record = InputRecord.RecordOf(type);
        if (record is not null && declaredOnClass.Count > 0)
        {
            throw new InvalidOperationException(
                $"Activity type {attribute.Type} declares inputs both on its class ({string.Join(", ", declaredOnClass.Select(i => i.Name))}) and in its input record {record.Name}; declare them once, in the record.");
        }

        var inputs = record is null ? declaredOnClass.Select(InputRecord.Descriptor).ToList() : InputRecord.Describe(record);
        var rulesOn = record is null ? [type] : new[] { type, record };
        var ports = type.GetCustomAttribute<OutcomesAttribute>()?.Ports ?? [];
        var fromInput = type.GetCustomAttribute<PortsFromInputAttribute>();
        return new ActivityDescriptor(
            attribute.Type,
            attribute.Version,
            attribute.Category,
            attribute.DisplayName,
            attribute.Description,
            attribute.IsBlocking,
            attribute.IsStart,
            attribute.IsEnd,
            inputs,
            ports,
            fromInput is null ? null : new PortsFromInput(fromInput.InputName, fromInput.Extra, fromInput.NameProperty) { LabelProperty = fromInput.LabelProperty })
        {
            PortLabels = PortLabelsOf(type, ports),
            OneOfInputs = rulesOn.SelectMany(t => t.GetCustomAttributes<OneOfInputsAttribute>()).Select(a => a.Names).ToList(),
            InputRequirements = rulesOn.SelectMany(t => t.GetCustomAttributes<InputRequiresAttribute>()).Select(a => new InputRequirement(a.Given, a.Requires)).ToList(),
        };
    }

    /// <summary>The declared port labels; the plain way on (<see cref="Ports.Done"/>) reads "Verder" unless declared otherwise.</summary>
    private static Dictionary<string, string> PortLabelsOf(Type type, IReadOnlyList<string> ports)
    {
        var labels = type.GetCustomAttributes<PortLabelAttribute>().ToDictionary(a => a.Port, a => a.Label);
        if (ports.Contains(Ports.Done))
        {
            labels.TryAdd(Ports.Done, "Verder");
        }

        return labels;
    }

    private sealed record Registration(ActivityDescriptor Descriptor, Activity Activity);
}
