namespace AdviesRoute.Host.Links;

/// <summary>
/// A personal link from a request mail: bound to one person, one step, one round and one generation, and stored only
/// by the hash of its token (the token itself is in the mail and nowhere else). A revoked link opens nothing; the
/// person then has a link of the next generation.
/// </summary>
public sealed class MailLink
{
    /// <summary>SHA-256 of the token, hex.</summary>
    public string TokenHash { get; set; } = "";
    public string InstanceId { get; set; } = "";
    public string ActivityId { get; set; } = "";
    public int Round { get; set; }

    /// <summary>"zetel" (a seat of a body that votes or advises) or "orgaan" (a council or college that answers).</summary>
    public string TargetKind { get; set; } = "";
    public string TargetId { get; set; } = "";
    public string MemberId { get; set; } = "";
    public string MemberName { get; set; } = "";
    public string Email { get; set; } = "";

    /// <summary>The kind of request: verzoekStem, verzoekAdvies, verzoekZienswijze, verzoekColleges.</summary>
    public string Kind { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    /// <summary>The step's deadline: after it the link only says it has expired.</summary>
    public DateTime ExpiresAt { get; set; }

    /// <summary>Why the mail server refused the address for good; the round shows the person as not reached.</summary>
    public string? NotReachedReason { get; set; }

    public DateTime? NotReachedAt { get; set; }

    /// <summary>The hash of the one-time code that unlocks confidential documents, sent to the member's own address.</summary>
    public string? CodeHash { get; set; }

    public DateTime? CodeExpiresAt { get; set; }

    /// <summary>
    /// Wrong tries of one-time codes on this link, over all its codes (a new code does not reset it); at
    /// <see cref="ConfidentialDocuments.MaxFailedTries"/> the link's confidential access is locked.
    /// </summary>
    public int CodeAttempts { get; set; }

    /// <summary>0 for the first link of a person, step and round; one more for each link sent after a revocation.</summary>
    public int Generation { get; set; }

    /// <summary>When the link was withdrawn (a secretary's revocation or a changed address); null while it is valid.</summary>
    public DateTime? RevokedAt { get; set; }

    /// <summary>Who withdrew it: the secretary's name, or "systeem" after an address change.</summary>
    public string? RevokedBy { get; set; }

    public string? RevokedReason { get; set; }

    /// <summary>Codes sent for this link in all; at most <see cref="ConfidentialDocuments.MaxCodes"/>.</summary>
    public int CodesSent { get; set; }

    /// <summary>When the current hour of code requests began (UTC): the first code asked for after the last hour ran out.</summary>
    public DateTime? CodeWindowStart { get; set; }

    /// <summary>Codes sent since <see cref="CodeWindowStart"/>; at most <see cref="ConfidentialDocuments.MaxCodesPerHour"/>.</summary>
    public int CodesInWindow { get; set; }

    /// <summary>
    /// When too many wrong codes locked the confidential documents of this link (UTC); null while open. Only a secretary
    /// opens it again, which also resets the tries and the codes.
    /// </summary>
    public DateTime? LockedAt { get; set; }
}
