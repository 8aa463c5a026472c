using Microsoft.Extensions.Logging;

namespace Mismes.Core.Administration;

/// <summary>
/// Security events as structured logs with stable EventIds (ASVS V16), for alerting on probing and guessing. They
/// carry no personal data: never a name, an e-mail or the id of a person; at most the acting staff account and
/// institution, and the client address the request came from.
/// </summary>
public static partial class SecurityEvents
{
    public const int SignInFailedId = 4001;
    public const int AccessDeniedId = 4002;
    public const int OtherInstitutionRecordId = 4003;

    /// <summary>A sign-in refused: unknown account, wrong password, or locked out.</summary>
    [LoggerMessage(EventId = SignInFailedId, EventName = "SignInFailed", Level = LogLevel.Warning,
        Message = "Security: sign-in failed ({Reason}) from {ClientAddress}")]
    public static partial void SignInFailed(ILogger logger, string reason, string? clientAddress);

    /// <summary>A signed-in user (or API key) refused by an authorization policy.</summary>
    [LoggerMessage(EventId = AccessDeniedId, EventName = "AccessDenied", Level = LogLevel.Warning,
        Message = "Security: access denied to {Path} for user {UserId} from {ClientAddress}")]
    public static partial void AccessDenied(ILogger logger, string path, Guid? userId, string? clientAddress);

    /// <summary>
    /// A record of another institution was asked for and answered "not found" (or held back from a duplicate check):
    /// the user may be probing for people registered elsewhere.
    /// </summary>
    [LoggerMessage(EventId = OtherInstitutionRecordId, EventName = "OtherInstitutionRecord", Level = LogLevel.Warning,
        Message = "Security: {RecordType} of another institution withheld ({Operation}) from user {UserId} of institution {InstitutionId} at {ClientAddress}")]
    public static partial void OtherInstitutionRecord(ILogger logger, string recordType, string operation, Guid? userId, Guid? institutionId, string? clientAddress);
}
