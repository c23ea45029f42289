namespace AdviesRoute.Workflows.Attributes;

/// <summary>
/// The typed key of a searchable attribute of instances, declared once by the layer that computes it (see
/// <see cref="IInstanceAttributeSource"/>), e.g. <c>public static readonly AttributeName Title = new("titel");</c>.
/// Its methods make the filters <see cref="Queries.InstanceQuery.Attributes"/> takes, so a query never spells a
/// name as a loose string.
/// </summary>
/// <remarks>
/// An instance may carry several values of one name (a multi-valued attribute). A value is stored as given and as a
/// folded copy (lower case, without accents), so <see cref="StartsWith"/> and <see cref="Contains"/> ignore case and
/// accents while <see cref="Is"/> compares exactly. Values longer than <see cref="MaxValueLength"/> characters are cut
/// there, both when stored and when compared.
/// </remarks>
public sealed record AttributeName
{
    /// <summary>The longest name (ordinal characters).</summary>
    public const int MaxNameLength = 64;

    /// <summary>
    /// The longest value stored; longer ones are cut. Keeps every index entry well inside what PostgreSQL's B-tree
    /// accepts for a row (about 2,700 bytes), whatever the value's characters.
    /// </summary>
    public const int MaxValueLength = 400;

    /// <param name="name">1 to <see cref="MaxNameLength"/> characters, without leading or trailing spaces.</param>
    /// <exception cref="ArgumentException">The name is empty, too long or padded with spaces.</exception>
    public AttributeName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > MaxNameLength || name.Trim().Length != name.Length)
        {
            throw new ArgumentException($"An attribute name has 1 to {MaxNameLength} characters without surrounding spaces: '{name}'.", nameof(name));
        }

        Name = name;
    }

    /// <summary>The name as stored.</summary>
    public string Name { get; }

    /// <summary>A value of this attribute, for an <see cref="IInstanceAttributeSource"/> to return.</summary>
    public InstanceAttribute With(string value) => new(this, value);

    /// <summary>Instances with a value equal to <paramref name="value"/> (exact, ordinal).</summary>
    public AttributeFilter Is(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new AttributeFilter(this, AttributeMatch.Is, [value]);
    }

    /// <summary>Instances with a value equal to one of <paramref name="values"/> (exact, ordinal); none given matches no instance.</summary>
    public AttributeFilter IsAnyOf(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new AttributeFilter(this, AttributeMatch.IsAnyOf, values.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>Instances with a value that starts with <paramref name="prefix"/>, ignoring case and accents.</summary>
    public AttributeFilter StartsWith(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return new AttributeFilter(this, AttributeMatch.StartsWith, [prefix]);
    }

    /// <summary>Instances with a value that contains <paramref name="text"/>, ignoring case and accents.</summary>
    public AttributeFilter Contains(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new AttributeFilter(this, AttributeMatch.Contains, [text]);
    }

    public override string ToString() => Name;
}

/// <summary>One value of an attribute of an instance.</summary>
/// <param name="Name">The attribute.</param>
/// <param name="Value">The value as the source gave it (an empty one is not stored).</param>
public sealed record InstanceAttribute(AttributeName Name, string Value);

/// <summary>How an <see cref="AttributeFilter"/> compares.</summary>
public enum AttributeMatch
{
    /// <summary>Exactly equal (ordinal).</summary>
    Is,

    /// <summary>Exactly equal to one of several values.</summary>
    IsAnyOf,

    /// <summary>Starts with, ignoring case and accents.</summary>
    StartsWith,

    /// <summary>Contains, ignoring case and accents.</summary>
    Contains,
}

/// <summary>
/// A condition on an attribute: the instance has at least one value of <see cref="Name"/> that matches. Made by the
/// methods of <see cref="AttributeName"/>.
/// </summary>
public sealed record AttributeFilter
{
    internal AttributeFilter(AttributeName name, AttributeMatch match, IReadOnlyList<string> values)
    {
        Name = name;
        Match = match;
        Values = values;
    }

    public AttributeName Name { get; }

    public AttributeMatch Match { get; }

    /// <summary>The value to compare with (one, except for <see cref="AttributeMatch.IsAnyOf"/>).</summary>
    public IReadOnlyList<string> Values { get; }
}
