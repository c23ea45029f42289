using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdviesRoute.Workflows.Activities;
using AdviesRoute.Workflows.Definitions.Rules;

namespace AdviesRoute.Workflows.Definitions;

// The route's declared inputs and variables, and the rules and computed values that read them. Messages name the step
// and the field as a person reads them ("Stap ‘Goedkeuring’, veld ‘Aan’: …"); the JSON path stays in Path.
public sealed partial class DefinitionValidator
{
    private sealed partial class Pass
    {
        private Dictionary<string, InputDefinition>? _inputs;
        private Dictionary<string, VariableDefinition>? _variables;

        private Dictionary<string, InputDefinition> RouteInputs => _inputs ??= (model.Inputs ?? [])
            .Where(d => d is not null && !string.IsNullOrWhiteSpace(d.Name))
            .GroupBy(d => d.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        private Dictionary<string, VariableDefinition> RouteVariables => _variables ??= (model.Variables ?? [])
            .Where(d => d is not null && !string.IsNullOrWhiteSpace(d.Name))
            .GroupBy(d => d.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        /// <summary>"Stap ‘Goedkeuring’, veld ‘Aan’".</summary>
        private string Field(int i, InputDescriptor input) => $"Stap {_names[i] ?? (i + 1).ToString(CultureInfo.InvariantCulture)}, veld ‘{input.DisplayName}’";

        /// <summary>"Stap ‘Bedrag’, geval ‘Groot bedrag’".</summary>
        private string CaseField(int i, JsonObject item, int k)
        {
            var label = item["label"] is JsonValue l && l.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text
                : item["name"] is JsonValue n && n.TryGetValue<string>(out var name) && !string.IsNullOrWhiteSpace(name) ? name
                : null;
            return $"Stap {_names[i] ?? (i + 1).ToString(CultureInfo.InvariantCulture)}, {(label is null ? $"geval {k + 1}" : $"geval ‘{label}’")}";
        }

        private void CheckRouteInputs()
        {
            var inputs = model.Inputs ?? [];
            for (var n = 0; n < inputs.Count; n++)
            {
                var input = inputs[n];
                if (input is null)
                {
                    continue;
                }

                var path = JsonPaths.Index("$.inputs", n);
                var where = $"Invoer ‘{input.Label}’ van de route";
                if (!RouteInputTypes.All.Contains(input.Type))
                {
                    Add(path + ".type", ValidationCodes.InvalidInputType,
                        $"{where}: het soort gegeven ‘{input.Type}’ bestaat niet; kies tekst, lange tekst, keuzelijst, ja/nee, datum, getal of gegevens.");
                    continue;
                }

                if (input.Type != RouteInputTypes.Choice)
                {
                    if (input.Choices is { Count: > 0 })
                    {
                        Add(path + ".choices", ValidationCodes.InvalidInputType, $"{where}: alleen een keuzelijst heeft keuzes.");
                    }

                    continue;
                }

                if (input.Choices is not { Count: > 0 } choices)
                {
                    Add(path + ".choices", ValidationCodes.MissingField, $"{where}: een keuzelijst heeft minstens één keuze nodig.");
                    continue;
                }

                var seen = new HashSet<string>(StringComparer.Ordinal);
                for (var c = 0; c < choices.Count; c++)
                {
                    var choicePath = JsonPaths.Index(path + ".choices", c);
                    var choice = choices[c];
                    if (choice is null || string.IsNullOrWhiteSpace(choice.Value))
                    {
                        Add(choicePath + ".value", ValidationCodes.MissingField, $"{where}: keuze {c + 1} heeft geen waarde.");
                        continue;
                    }

                    if (!seen.Add(choice.Value))
                    {
                        Add(choicePath + ".value", ValidationCodes.DuplicateName, $"{where}: keuze {c + 1} heeft dezelfde waarde als een eerdere keuze; elke keuze heeft een eigen waarde.");
                    }

                    if (string.IsNullOrWhiteSpace(choice.Label))
                    {
                        Add(choicePath + ".label", ValidationCodes.MissingField, $"{where}: keuze {c + 1} heeft geen tekst die men leest.");
                    }
                }
            }
        }

        private void CheckVariableFields()
        {
            var variables = model.Variables ?? [];
            for (var n = 0; n < variables.Count; n++)
            {
                if (variables[n] is not { Fields: { } fields } variable)
                {
                    continue;
                }

                var where = $"Variabele ‘{variable.DisplayName ?? variable.Name}’";
                var seen = new HashSet<string>(StringComparer.Ordinal);
                for (var f = 0; f < fields.Count; f++)
                {
                    var path = JsonPaths.Index(JsonPaths.Index("$.variables", n) + ".fields", f);
                    var field = fields[f];
                    if (field is null || string.IsNullOrWhiteSpace(field.Name))
                    {
                        Add(path + ".name", ValidationCodes.MissingField, $"{where}: veld {f + 1} heeft geen naam.");
                    }
                    else if (!seen.Add(field.Name))
                    {
                        Add(path + ".name", ValidationCodes.DuplicateName, $"{where}: het veld ‘{field.DisplayName ?? field.Name}’ staat er twee keer in.");
                    }
                    else if (!RouteInputTypes.All.Contains(field.Type) || field.Type == RouteInputTypes.Choice)
                    {
                        Add(path + ".type", ValidationCodes.InvalidInputType,
                            $"{where}: het veld ‘{field.DisplayName ?? field.Name}’ heeft een onbekend soort gegeven; kies tekst, ja/nee, datum of getal.");
                    }
                }
            }
        }

        /// <summary>What a rule reads, as far as the definition declares it.</summary>
        private sealed record SubjectInfo(string Label, string? Type, InputDefinition? Input);

        /// <summary>Checks a subject; returns what it reads, or null after reporting why it cannot be read.</summary>
        private SubjectInfo? CheckSubject(JsonNode? node, string where, string path)
        {
            if (node is not JsonValue v || !v.TryGetValue<string>(out var subject) || string.IsNullOrWhiteSpace(subject))
            {
                Add(path, ValidationCodes.MissingField, $"{where}: de regel zegt niet over welke invoer of variabele ze gaat.");
                return null;
            }

            if (RouteValues.Split(subject) is not { } split)
            {
                Add(path, ValidationCodes.InvalidInputValue, $"{where}: de regel leest ‘{subject}’; dat is geen invoer of variabele van de route.");
                return null;
            }

            var name = split.Path[0];
            if (split.Root == "input")
            {
                if (!RouteInputs.TryGetValue(name, out var input))
                {
                    Add(path, ValidationCodes.InvalidInputValue, $"{where}: de regel gebruikt de invoer ‘{name}’, maar de route heeft geen invoer met die naam.");
                    return null;
                }

                if (split.Path.Length > 1 && input.Type != RouteInputTypes.Json)
                {
                    Add(path, ValidationCodes.InvalidInputValue, $"{where}: de invoer ‘{input.Label}’ heeft geen onderdelen; de regel leest de invoer zelf.");
                    return null;
                }

                return split.Path.Length > 1 ? new SubjectInfo(input.Label, null, null) : new SubjectInfo(input.Label, input.Type, input);
            }

            if (!RouteVariables.TryGetValue(name, out var variable))
            {
                Add(path, ValidationCodes.InvalidInputValue, $"{where}: de regel gebruikt de variabele ‘{name}’, maar de route heeft geen variabele met die naam.");
                return null;
            }

            var variableLabel = variable.DisplayName ?? variable.Name;
            if (split.Path.Length == 1)
            {
                return new SubjectInfo(variableLabel, null, null);
            }

            var field = split.Path.Length == 2 ? variable.Fields?.FirstOrDefault(f => f?.Name == split.Path[1]) : null;
            if (field is null)
            {
                var known = variable.Fields is { Count: > 0 } fields
                    ? "Velden: " + string.Join(", ", fields.Where(f => f is not null).Select(f => $"‘{f.DisplayName ?? f.Name}’")) + "."
                    : "De variabele heeft geen velden.";
                Add(path, ValidationCodes.InvalidInputValue, $"{where}: de variabele ‘{variableLabel}’ heeft geen veld ‘{string.Join(".", split.Path.Skip(1))}’. {known}");
                return null;
            }

            return new SubjectInfo(field.DisplayName ?? field.Name, field.Type, null);
        }

        private void CheckRule(JsonNode? node, string where, string path, int depth)
        {
            if (depth > RouteValues.MaxDepth)
            {
                Add(path, ValidationCodes.InvalidInputValue, $"{where}: de regel is te diep genest.");
                return;
            }

            if (node is not JsonObject rule || !RouteRule.IsRule(rule))
            {
                Add(path, ValidationCodes.InvalidInputType, $"{where}: een onderdeel van de regel is geen voorwaarde.");
                return;
            }

            foreach (var key in new[] { RouteRule.All, RouteRule.Any })
            {
                if (!rule.ContainsKey(key))
                {
                    continue;
                }

                var listPath = JsonPaths.Property(path, key);
                if (rule[key] is not JsonArray items)
                {
                    Add(listPath, ValidationCodes.InvalidInputType, $"{where}: ‘{(key == RouteRule.All ? "en" : "of")}’ heeft een lijst van voorwaarden nodig.");
                    return;
                }

                for (var k = 0; k < items.Count; k++)
                {
                    CheckRule(items[k], where, JsonPaths.Index(listPath, k), depth + 1);
                }

                return;
            }

            var subject = CheckSubject(rule[RouteRule.Subject], where, JsonPaths.Property(path, RouteRule.Subject));
            var opPath = JsonPaths.Property(path, RouteRule.Op);
            var valuePath = JsonPaths.Property(path, RouteRule.Value);
            if (rule[RouteRule.Op] is not JsonValue o || !o.TryGetValue<string>(out var op) || !RouteRule.Ops.Known.Contains(op))
            {
                Add(opPath, ValidationCodes.InvalidInputValue,
                    $"{where}: kies hoe de regel vergelijkt: {string.Join(", ", RouteRule.Ops.Known.SkipLast(1).Select(RouteRule.Ops.Dutch))} of {RouteRule.Ops.Dutch(RouteRule.Ops.Known[^1])}.");
                return;
            }

            var value = rule[RouteRule.Value];
            var label = subject?.Label ?? "het gegeven";
            var dutch = RouteRule.Ops.Dutch(op);
            switch (op)
            {
                case RouteRule.Ops.Is or RouteRule.Ops.IsNot:
                    if (!IsScalar(value))
                    {
                        Add(valuePath, ValidationCodes.MissingInput, $"{where}: ‘{label} {dutch}’ heeft een waarde nodig (een tekst, een getal of ja/nee).");
                        return;
                    }

                    CheckValueFits(subject, value!, where, valuePath);
                    break;
                case RouteRule.Ops.OneOf or RouteRule.Ops.NotOneOf:
                    if (value is not JsonArray items || items.Count == 0 || !items.All(IsScalar))
                    {
                        Add(valuePath, ValidationCodes.InvalidInputType, $"{where}: ‘{label} {dutch}’ heeft een lijst van een of meer waarden nodig.");
                        return;
                    }

                    for (var k = 0; k < items.Count; k++)
                    {
                        CheckValueFits(subject, items[k]!, where, JsonPaths.Index(valuePath, k));
                    }

                    break;
                case RouteRule.Ops.Before or RouteRule.Ops.After:
                    var comparable = value is JsonValue c && (c.GetValueKind() == JsonValueKind.Number || RouteRule.Moment(c) is not null);
                    if (!comparable)
                    {
                        Add(valuePath, ValidationCodes.InvalidInputType, $"{where}: ‘{label} {dutch}’ vergelijkt met een getal of een datum (jjjj-mm-dd).");
                    }
                    else if (subject?.Type is RouteInputTypes.Choice or RouteInputTypes.Boolean or RouteInputTypes.Text)
                    {
                        Add(opPath, ValidationCodes.InvalidInputValue, $"{where}: ‘{label}’ is geen getal of datum; ‘{dutch}’ past er niet bij.");
                    }

                    break;
            }
        }

        private static bool IsScalar(JsonNode? value) =>
            value is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;

        /// <summary>A value compared with a declared input: one of a choice input's choices, ja/nee for a boolean.</summary>
        private void CheckValueFits(SubjectInfo? subject, JsonNode value, string where, string path)
        {
            if (subject?.Type == RouteInputTypes.Choice && subject.Input is { } input)
            {
                var text = RouteValues.Key(value);
                if (text is null || input.LabelOf(text) is null)
                {
                    Add(path, ValidationCodes.InvalidInputValue,
                        $"{where}: de regel gebruikt ‘{input.Label}’ = ‘{text ?? value.ToJsonString()}’, maar {input.Label} kent alleen {Alternatives(input)}.");
                }
            }
            else if (subject?.Type == RouteInputTypes.Boolean && value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                Add(path, ValidationCodes.InvalidInputValue, $"{where}: ‘{subject.Label}’ is ja of nee; de regel vergelijkt het met iets anders.");
            }
            else if (subject?.Type == RouteInputTypes.Number && value.GetValueKind() != JsonValueKind.Number)
            {
                Add(path, ValidationCodes.InvalidInputValue, $"{where}: ‘{subject.Label}’ is een getal; de regel vergelijkt het met iets anders.");
            }
        }

        /// <summary>"‘Laag’, ‘Middel’ en ‘Hoog’".</summary>
        private static string Alternatives(InputDefinition input)
        {
            var labels = (input.Choices ?? []).Where(c => c is not null).Select(c => $"‘{c.Label}’").ToList();
            return labels.Count <= 1 ? string.Concat(labels) : $"{string.Join(", ", labels[..^1])} en {labels[^1]}";
        }

        private void CheckComputed(ActivityDescriptor descriptor, InputDescriptor input, JsonNode value, int i, string path)
        {
            var where = Field(i, input);
            var kind = RouteValues.ComputedKind(value)!;
            var specPath = JsonPaths.Property(path, kind);
            switch (kind)
            {
                case RouteValues.Template:
                    if (input.Type is not (InputType.String or InputType.Text or InputType.Json or InputType.Duration or InputType.DateTime))
                    {
                        Add(path, ValidationCodes.InvalidInputType, $"{where}: een tekst met invulvelden past hier niet; geef een vaste of gekozen waarde.");
                        return;
                    }

                    foreach (var placeholder in RouteValues.Placeholders(value[kind]!.GetValue<string>()).Distinct(StringComparer.Ordinal))
                    {
                        CheckSubject(JsonValue.Create(placeholder), where + " (in de tekst)", specPath);
                    }

                    break;
                case RouteValues.PerValue:
                {
                    var spec = value[kind]!.AsObject();
                    var subject = CheckSubject(spec[RouteRule.Subject], where, JsonPaths.Property(specPath, RouteRule.Subject));
                    var valuesPath = JsonPaths.Property(specPath, "values");
                    if (spec["values"] is not JsonObject values)
                    {
                        Add(valuesPath, ValidationCodes.MissingField, $"{where}: geef per waarde van ‘{subject?.Label ?? "het gegeven"}’ wat hier komt.");
                        return;
                    }

                    foreach (var (key, result) in values)
                    {
                        var resultPath = JsonPaths.Property(valuesPath, key);
                        if (subject?.Type == RouteInputTypes.Choice && subject.Input is { } choiceInput && choiceInput.LabelOf(key) is null)
                        {
                            Add(resultPath, ValidationCodes.InvalidInputValue,
                                $"{where}: de keuze per waarde gebruikt ‘{choiceInput.Label}’ = ‘{key}’, maar {choiceInput.Label} kent alleen {Alternatives(choiceInput)}.");
                        }

                        CheckResult(descriptor, input, result, where, resultPath, i);
                    }

                    CheckResult(descriptor, input, spec["otherwise"], where, JsonPaths.Property(specPath, "otherwise"), i);
                    break;
                }

                case RouteValues.Choose:
                {
                    var spec = value[kind]!.AsObject();
                    var casesPath = JsonPaths.Property(specPath, "cases");
                    if (spec["cases"] is not JsonArray cases)
                    {
                        Add(casesPath, ValidationCodes.MissingField, $"{where}: de keuze heeft een lijst van gevallen nodig, elk met een regel en een waarde.");
                        return;
                    }

                    for (var k = 0; k < cases.Count; k++)
                    {
                        var casePath = JsonPaths.Index(casesPath, k);
                        if (cases[k] is not JsonObject @case || @case["when"] is null)
                        {
                            Add(casePath, ValidationCodes.MissingField, $"{where}: geval {k + 1} van de keuze heeft geen regel.");
                            continue;
                        }

                        CheckRule(@case["when"], where, JsonPaths.Property(casePath, "when"), 0);
                        CheckResult(descriptor, input, @case[RouteRule.Value], where, JsonPaths.Property(casePath, RouteRule.Value), i);
                    }

                    CheckResult(descriptor, input, spec["otherwise"], where, JsonPaths.Property(specPath, "otherwise"), i);
                    break;
                }
            }
        }

        /// <summary>A value that a perValue or choose can give: checked like a literal of the input (null means "not given").</summary>
        private void CheckResult(ActivityDescriptor descriptor, InputDescriptor input, JsonNode? result, string where, string path, int i)
        {
            if (result is null || result.GetValueKind() == JsonValueKind.Null)
            {
                return;
            }

            if (RouteValues.IsComputed(result))
            {
                if (RouteValues.ComputedKind(result) == RouteValues.Expression)
                {
                    CheckInputValue(descriptor, input, result, i, path);
                }
                else
                {
                    CheckComputed(descriptor, input, result, i, path);
                }

                return;
            }

            if (InputValues.CheckLiteral(input, result) is { } problem)
            {
                Add(path, ValidationCodes.InvalidInputType, $"{where}: de waarde ‘{RouteValues.Key(result) ?? result.ToJsonString()}’ past niet. {problem}");
                return;
            }

            if (registry.TryGet(descriptor.Type, descriptor.Version, out _, out var activity) && activity is IChecksLiteralInputs checks
                && checks.CheckLiteral(input.Name, result) is { } refused)
            {
                Add(path, ValidationCodes.InvalidInputValue, $"{where}: {refused}");
            }
        }
    }
}
