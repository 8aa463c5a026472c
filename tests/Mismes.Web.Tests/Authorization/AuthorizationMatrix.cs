using Mismes.Core.Administration;

namespace Mismes.Web.Tests.Authorization;

/// <summary>What a route needs to be found: a record of the caller's institution (own/other checked), or nothing.</summary>
internal enum Sample
{
    /// <summary>No record in the route (or ids that need not exist: the answer is about the role only).</summary>
    None,

    /// <summary>{id} is a person: staff of another institution must get 404, administrators see every institution.</summary>
    Person,

    /// <summary>{id} / {slug} is a catalogue measure implemented by the caller's institution (public to read; only its implementer or an administrator edits it).</summary>
    Measure,

    /// <summary>{id} is a vacancy of the caller's institution: staff of another institution get 404, administrators see every institution.</summary>
    Vacancy,
}

/// <summary>One row: who may call <see cref="Method"/> <see cref="Pattern"/>; null roles means anyone, signed in or not.</summary>
internal sealed record AccessRule(string Method, string Pattern, IReadOnlyList<string>? Roles, Sample Sample = Sample.None)
{
    /// <summary>The page answers 403 to everyone who reaches it (the access-denied page itself).</summary>
    public bool ForbiddenByDesign { get; init; }

    /// <summary>
    /// What a partner system's API key needs on this /api route (docs/adr/0019-api-key-scopes.md): null, no key gets in;
    /// <see cref="AuthorizationMatrix.AnyKey"/>, every key; otherwise that scope. Keys never reach pages.
    /// </summary>
    public string? KeyScope { get; init; }

    public string Key => $"{Method} {Pattern}";

    public bool IsPublic => Roles is null;
}

/// <summary>
/// The authorization matrix: every route of the host × every role × own/other institution → allowed or denied.
/// Central on purpose (docs/architecture.md): a capability adds its rows here with its endpoints, and a route without
/// a row fails <see cref="AuthorizationMatrixTests"/>. The role sets are written out here, not read from the policies,
/// so a change to a policy that widens access shows up as a failing row.
/// </summary>
internal static class AuthorizationMatrix
{
    public static readonly string[] AllRoles =
    [
        Roles.Administrator, Roles.Advisor, Roles.ProgrammeManager, Roles.CaseWorker, Roles.Trainer, Roles.Analyst,
        Roles.Employer, Roles.PartnerService, Roles.Expert, Roles.InstitutionMember, Roles.Beneficiary,
    ];

    /// <summary>Staff of any institution (not beneficiaries, employers or experts).</summary>
    private static readonly string[] Staff =
    [
        Roles.Administrator, Roles.Advisor, Roles.ProgrammeManager, Roles.CaseWorker, Roles.Trainer, Roles.Analyst,
        Roles.PartnerService, Roles.InstitutionMember,
    ];

    private static readonly string[] PeopleStaff = [Roles.Advisor, Roles.CaseWorker, Roles.ProgrammeManager, Roles.Administrator];

    private static readonly string[] Beneficiaries = [Roles.Beneficiary];

    private static readonly string[] CandidateStaff = [Roles.Advisor, Roles.CaseWorker, Roles.ProgrammeManager, Roles.Administrator];

    private static readonly string[] ExpertStaff = [Roles.Advisor, Roles.CaseWorker, Roles.ProgrammeManager, Roles.Administrator];

    private static readonly string[] NeedAuthors = [Roles.InstitutionMember, Roles.Advisor, Roles.ProgrammeManager, Roles.Administrator];

    private static readonly string[] CatalogueManagers = [Roles.ProgrammeManager, Roles.Administrator];

    private static readonly string[] IndicatorReaders = [Roles.Analyst, Roles.ProgrammeManager, Roles.Administrator];

    private static readonly string[] UserManagers = [Roles.ProgrammeManager, Roles.Administrator];

    private static readonly string[] AuditReaders = [Roles.ProgrammeManager, Roles.Administrator];

    private static readonly string[] VacancyManagers = [Roles.Advisor, Roles.ProgrammeManager, Roles.Administrator, Roles.Employer];

    private static readonly string[] ValidationStaff = [Roles.Advisor, Roles.CaseWorker, Roles.Trainer, Roles.Administrator];

    /// <summary>Staff who read the training catalogue: every staff role but PartnerService (the role API keys carry).</summary>
    private static readonly string[] TrainingReaders =
    [
        Roles.Administrator, Roles.Advisor, Roles.ProgrammeManager, Roles.CaseWorker, Roles.Trainer, Roles.Analyst, Roles.InstitutionMember,
    ];

    /// <summary>Staff who run training sessions: the people staff (enrolment discloses who is learning what).</summary>
    private static readonly string[] TrainingStaff = [Roles.Administrator, Roles.Advisor, Roles.ProgrammeManager, Roles.CaseWorker];

    /// <summary>Who takes attendance at a sitting: the trainers, and the staff who run sessions.</summary>
    private static readonly string[] TrainingAttendance = [Roles.Administrator, Roles.Advisor, Roles.ProgrammeManager, Roles.CaseWorker, Roles.Trainer];

    private static readonly string[] OutboxReaders = [Roles.Administrator, Roles.ProgrammeManager, Roles.Advisor, Roles.CaseWorker];

    /// <summary>A route every API key may call, whatever its scopes.</summary>
    public const string AnyKey = "";

    /// <summary>The API-key scopes of this host, written out like the roles.</summary>
    public static readonly string[] AllScopes = ["people:read", "people:write", "catalogue:write", "audit:read", "placement:read", "placement:write"];

    private const string PeopleRead = "people:read";
    private const string PeopleWrite = "people:write";
    private const string CatalogueWrite = "catalogue:write";
    private const string AuditRead = "audit:read";
    private const string PlacementRead = "placement:read";
    private const string PlacementWrite = "placement:write";

    public static readonly IReadOnlyList<AccessRule> Rules =
    [
        // Platform
        Public("GET", "/"),
        Public("POST", "/"),
        Public("GET", "/health"),
        Public("POST", "/health"),
        Public("GET", "/alive"),
        Public("POST", "/alive"),
        Public("GET", "/culture"),
        Public("GET", "/Error/{code:int?}"),
        Public("POST", "/Error/{code:int?}"),
        Public("GET", "/openapi/{documentName}.json"),
        Public("GET", "/api-reference/{documentName?}"),
        Public("GET", "/api-reference/scalar.js"),
        Public("GET", "/api-reference/scalar.aspnetcore.js"),
        Public("GET", "/api-reference/favicon.svg"),
        SignedIn("GET", "/Home"),
        SignedIn("POST", "/Home"),

        // Account
        Public("GET", "/Account/SignIn"),
        Public("POST", "/Account/SignIn"),
        Public("GET", "/Account/SignInCode"),
        Public("POST", "/Account/SignInCode"),
        SignedIn("GET", "/Account/Mfa"),
        SignedIn("POST", "/Account/Mfa"),
        SignedIn("GET", "/Account/Mfa/Setup"),
        SignedIn("POST", "/Account/Mfa/Setup"),
        SignedIn("GET", "/Account/Confirm"),
        SignedIn("POST", "/Account/Confirm"),
        Public("GET", "/Account/ForgotPassword"),
        Public("POST", "/Account/ForgotPassword"),
        Public("GET", "/Account/ResetPassword"),
        Public("POST", "/Account/ResetPassword"),
        SignedIn("GET", "/Account"),
        SignedIn("POST", "/Account"),
        SignedIn("GET", "/Account/ChangePassword"),
        SignedIn("POST", "/Account/ChangePassword"),
        SignedIn("GET", "/Account/SignOut"),
        SignedIn("POST", "/Account/SignOut"),
        SignedIn("GET", "/Account/AccessDenied") with { ForbiddenByDesign = true },
        SignedIn("POST", "/Account/AccessDenied") with { ForbiddenByDesign = true },

        // Administration
        Allow("GET", "/Administration", Staff),
        Allow("POST", "/Administration", Staff),
        Allow("GET", "/Administration/Institutions", Staff),
        Allow("POST", "/Administration/Institutions", Staff),
        Allow("GET", "/Administration/Users", UserManagers),
        Allow("POST", "/Administration/Users", UserManagers),
        Allow("GET", "/Administration/Users/Create", UserManagers),
        Allow("POST", "/Administration/Users/Create", UserManagers),
        Allow("GET", "/Administration/Users/Edit/{id:guid}", UserManagers),
        Allow("POST", "/Administration/Users/Edit/{id:guid}", UserManagers),
        Allow("GET", "/Administration/ApiKeys", UserManagers),
        Allow("POST", "/Administration/ApiKeys", UserManagers),
        Allow("GET", "/Administration/Audit", AuditReaders),
        Allow("POST", "/Administration/Audit", AuditReaders),
        SignedIn("GET", "/api/v1/me") with { KeyScope = AnyKey },
        Allow("GET", "/api/v1/institutions", Staff) with { KeyScope = AnyKey },
        Allow("GET", "/api/v1/audit", AuditReaders) with { KeyScope = AuditRead },
        Allow("POST", "/api/v1/audit/search", AuditReaders) with { KeyScope = AuditRead },

        // People
        Allow("GET", "/People", PeopleStaff),
        Allow("POST", "/People", PeopleStaff),
        Allow("GET", "/People/Create", PeopleStaff),
        Allow("POST", "/People/Create", PeopleStaff),
        Allow("GET", "/People/Details/{id:guid}", PeopleStaff, Sample.Person),
        Allow("POST", "/People/Details/{id:guid}", PeopleStaff, Sample.Person),
        Allow("GET", "/People/Edit/{id:guid}", PeopleStaff, Sample.Person),
        Allow("POST", "/People/Edit/{id:guid}", PeopleStaff, Sample.Person),
        Allow("GET", "/People/Merge/{id:guid}", PeopleStaff, Sample.Person),
        Allow("POST", "/People/Merge/{id:guid}", PeopleStaff, Sample.Person),
        Allow("GET", "/People/Compare/{id:guid}/{duplicateId:guid}", PeopleStaff, Sample.Person),
        Allow("POST", "/People/Compare/{id:guid}/{duplicateId:guid}", PeopleStaff, Sample.Person),
        // Placement: candidates (staff of the candidate's institution; {id} is the person)
        Allow("GET", "/Placement/Candidates", CandidateStaff),
        Allow("POST", "/Placement/Candidates", CandidateStaff),
        Allow("GET", "/Placement/Candidates/Register", CandidateStaff),
        Allow("POST", "/Placement/Candidates/Register", CandidateStaff),
        Allow("GET", "/Placement/Candidates/Profile/{id:guid}", CandidateStaff, Sample.Person),
        Allow("POST", "/Placement/Candidates/Profile/{id:guid}", CandidateStaff, Sample.Person),
        Allow("GET", "/api/v1/placement/candidates", CandidateStaff),
        Allow("GET", "/api/v1/placement/candidates/{id:guid}", CandidateStaff, Sample.Person),
        Allow("PUT", "/api/v1/placement/candidates/{id:guid}", CandidateStaff, Sample.Person),
        Allow("POST", "/api/v1/placement/candidates/rank", CandidateStaff),
        // Diaspora: experts abroad (staff of the expert's institution; {id} is the person)
        Allow("GET", "/Diaspora/Experts", ExpertStaff),
        Allow("POST", "/Diaspora/Experts", ExpertStaff),
        Allow("GET", "/Diaspora/Experts/Register", ExpertStaff),
        Allow("POST", "/Diaspora/Experts/Register", ExpertStaff),
        Allow("GET", "/Diaspora/Experts/Profile/{id:guid}", ExpertStaff, Sample.Person),
        Allow("POST", "/Diaspora/Experts/Profile/{id:guid}", ExpertStaff, Sample.Person),
        Allow("GET", "/api/v1/diaspora/experts", ExpertStaff),
        Allow("GET", "/api/v1/diaspora/experts/{id:guid}", ExpertStaff, Sample.Person),
        Allow("PUT", "/api/v1/diaspora/experts/{id:guid}", ExpertStaff, Sample.Person),
        // Diaspora: needs of Moroccan institutions (scoped by institution in Core: NeedServiceTests, NeedWebTests)
        Allow("GET", "/Diaspora/Needs", NeedAuthors),
        Allow("POST", "/Diaspora/Needs", NeedAuthors),
        Allow("GET", "/Diaspora/Needs/Create", NeedAuthors),
        Allow("POST", "/Diaspora/Needs/Create", NeedAuthors),
        Allow("GET", "/Diaspora/Needs/Edit/{id:guid}", NeedAuthors),
        Allow("POST", "/Diaspora/Needs/Edit/{id:guid}", NeedAuthors),
        Allow("GET", "/api/v1/diaspora/needs", NeedAuthors),
        Allow("POST", "/api/v1/diaspora/needs", NeedAuthors),
        Allow("GET", "/api/v1/diaspora/needs/{id:guid}", NeedAuthors),
        Allow("PUT", "/api/v1/diaspora/needs/{id:guid}", NeedAuthors),
        Allow("POST", "/api/v1/diaspora/needs/coding", NeedAuthors),
        Public("GET", "/Placement/Register"),
        Public("POST", "/Placement/Register"),

        // A beneficiary's own record: found from the account, no id in the route (MyRecordTests).
        Allow("GET", "/People/MyRecord", Beneficiaries),
        Allow("POST", "/People/MyRecord", Beneficiaries),
        Allow("GET", "/api/v1/people", PeopleStaff) with { KeyScope = PeopleRead },
        Allow("POST", "/api/v1/people", PeopleStaff) with { KeyScope = PeopleWrite },
        Allow("GET", "/api/v1/people/{id:guid}", PeopleStaff, Sample.Person) with { KeyScope = PeopleRead },
        Allow("PUT", "/api/v1/people/{id:guid}", PeopleStaff, Sample.Person) with { KeyScope = PeopleWrite },
        Allow("POST", "/api/v1/people/duplicates", PeopleStaff) with { KeyScope = PeopleWrite },
        Allow("POST", "/api/v1/people/search", PeopleStaff) with { KeyScope = PeopleRead },
        Allow("POST", "/api/v1/people/{id:guid}/consents", PeopleStaff, Sample.Person) with { KeyScope = PeopleWrite },
        Allow("DELETE", "/api/v1/people/{id:guid}/consents/{purpose}", PeopleStaff, Sample.Person) with { KeyScope = PeopleWrite },
        Allow("POST", "/api/v1/people/{id:guid}/merge", PeopleStaff, Sample.Person) with { KeyScope = PeopleWrite },
        Allow("POST", "/api/v1/people/{id:guid}/merge/undo", PeopleStaff, Sample.Person) with { KeyScope = PeopleWrite },

        // Catalogue
        Public("GET", "/Catalogue"),
        Public("POST", "/Catalogue"),
        Public("GET", "/Catalogue/{slug}", Sample.Measure),
        Public("POST", "/Catalogue/{slug}", Sample.Measure),
        Public("GET", "/Catalogue/Export"),
        Public("GET", "/api/v1/measures"),
        Public("GET", "/api/v1/esco/occupations"),
        Public("GET", "/api/v1/esco/skills"),
        Public("GET", "/api/v1/measures/{id}", Sample.Measure),
        Allow("POST", "/api/v1/measures", CatalogueManagers) with { KeyScope = CatalogueWrite },
        Allow("PUT", "/api/v1/measures/{id:guid}", CatalogueManagers, Sample.Measure) with { KeyScope = CatalogueWrite },
        Allow("GET", "/Catalogue/Manage", CatalogueManagers),
        Allow("POST", "/Catalogue/Manage", CatalogueManagers),
        Allow("GET", "/Catalogue/Manage/Create", CatalogueManagers),
        Allow("POST", "/Catalogue/Manage/Create", CatalogueManagers),
        Allow("GET", "/Catalogue/Manage/Edit/{id:guid}", CatalogueManagers, Sample.Measure),
        Allow("POST", "/Catalogue/Manage/Edit/{id:guid}", CatalogueManagers, Sample.Measure),
        Allow("GET", "/Catalogue/Manage/Eligibility/{id:guid}", CatalogueManagers, Sample.Measure),
        Allow("POST", "/Catalogue/Manage/Eligibility/{id:guid}", CatalogueManagers, Sample.Measure),
        // The eligibility finder: anonymous, one question per page, every step a POST.
        Public("GET", "/Eligibility"),
        Public("POST", "/Eligibility"),

        // Training: the course catalogue (reference data, every staff member reads it; no API key)
        Allow("GET", "/Training", TrainingReaders),
        Allow("POST", "/Training", TrainingReaders),
        Allow("GET", "/api/v1/training/courses", TrainingReaders),
        Allow("GET", "/api/v1/training/courses/{id:guid}", TrainingReaders),
        Allow("GET", "/api/v1/training/programmes", TrainingReaders),

        // Training: sessions, enrolment, attendance, completion (sessions are scoped by institution in Core: TrainingSessionServiceTests)
        Allow("GET", "/Training/Sessions", TrainingStaff),
        Allow("POST", "/Training/Sessions", TrainingStaff),
        Allow("GET", "/Training/Sessions/Create", TrainingStaff),
        Allow("POST", "/Training/Sessions/Create", TrainingStaff),
        Allow("GET", "/Training/Sessions/Details/{id:guid}", TrainingStaff),
        Allow("POST", "/Training/Sessions/Details/{id:guid}", TrainingStaff),
        Allow("GET", "/Training/Advice/{id:guid}", TrainingStaff, Sample.Person),
        Allow("POST", "/Training/Advice/{id:guid}", TrainingStaff, Sample.Person),
        Allow("GET", "/Training/Attendance", TrainingAttendance),
        Allow("POST", "/Training/Attendance", TrainingAttendance),
        Allow("GET", "/Training/Attendance/Take/{sessionId:guid}/{sittingId:guid}", TrainingAttendance),
        Allow("POST", "/Training/Attendance/Take/{sessionId:guid}/{sittingId:guid}", TrainingAttendance),
        Allow("GET", "/api/v1/training/sessions", TrainingStaff),
        Allow("POST", "/api/v1/training/sessions", TrainingStaff),
        Allow("GET", "/api/v1/training/sessions/{id:guid}", TrainingStaff),
        Allow("POST", "/api/v1/training/sessions/{id:guid}/enrolments", TrainingStaff),
        Allow("POST", "/api/v1/training/sessions/{id:guid}/enrolments/{enrolmentId:guid}/completion", TrainingStaff),
        Allow("POST", "/api/v1/training/sessions/{id:guid}/sittings", TrainingStaff),
        Allow("PUT", "/api/v1/training/sessions/{id:guid}/sittings/{sittingId:guid}/attendance", TrainingAttendance),
        Allow("GET", "/api/v1/training/advice/{id:guid}", TrainingStaff, Sample.Person),

        // Placement: vacancies (which vacancies a reader sees is scoped by institution in Core: VacancyServiceTests)
        Allow("GET", "/Placement/Vacancies", VacancyManagers),
        Allow("POST", "/Placement/Vacancies", VacancyManagers),
        Allow("GET", "/Placement/Vacancies/Create", VacancyManagers),
        Allow("POST", "/Placement/Vacancies/Create", VacancyManagers),
        Allow("GET", "/Placement/Vacancies/Edit/{id:guid}", VacancyManagers, Sample.Vacancy),
        Allow("POST", "/Placement/Vacancies/Edit/{id:guid}", VacancyManagers, Sample.Vacancy),
        Allow("GET", "/Placement/Vacancies/Details/{id:guid}", VacancyManagers, Sample.Vacancy),
        Allow("POST", "/Placement/Vacancies/Details/{id:guid}", VacancyManagers, Sample.Vacancy),
        // Shortlists: an employer reaches the page but sees only what was sent to it (ShortlistPageTests)
        Allow("GET", "/Placement/Vacancies/Shortlist/{id:guid}", VacancyManagers, Sample.Vacancy),
        Allow("POST", "/Placement/Vacancies/Shortlist/{id:guid}", VacancyManagers, Sample.Vacancy),
        Allow("GET", "/api/v1/placement/vacancies", VacancyManagers) with { KeyScope = PlacementRead },
        Allow("POST", "/api/v1/placement/vacancies", VacancyManagers) with { KeyScope = PlacementWrite },
        Allow("GET", "/api/v1/placement/vacancies/{id:guid}", VacancyManagers, Sample.Vacancy) with { KeyScope = PlacementRead },
        Allow("PUT", "/api/v1/placement/vacancies/{id:guid}", VacancyManagers, Sample.Vacancy) with { KeyScope = PlacementWrite },

        // Notifications (which messages a reader sees is scoped by institution in Core: OutboxPageTests)
        Allow("GET", "/Notifications/Outbox", OutboxReaders),
        Allow("POST", "/Notifications/Outbox", OutboxReaders),
        Allow("GET", "/Notifications/Captured/{id:guid}", OutboxReaders),
        Allow("POST", "/Notifications/Captured/{id:guid}", OutboxReaders),

        // Evaluation: indicators are aggregates (analysts too); a journey is a person's record.
        Allow("GET", "/Evaluation", IndicatorReaders),
        Allow("POST", "/Evaluation", IndicatorReaders),
        Allow("GET", "/Evaluation/Import", CatalogueManagers),
        Allow("POST", "/Evaluation/Import", CatalogueManagers),
        Allow("GET", "/Evaluation/Journey/{id:guid}", PeopleStaff, Sample.Person),
        Allow("POST", "/Evaluation/Journey/{id:guid}", PeopleStaff, Sample.Person),
        Allow("GET", "/Evaluation/MyJourney", Beneficiaries),
        Allow("POST", "/Evaluation/MyJourney", Beneficiaries),

        // Recognition (validation of skills on return): applications are personal records of an institution (scope in
        // Core: ValidationServiceTests); a certificate is verified by anyone holding its code, and the keys are public.
        Allow("GET", "/Recognition", ValidationStaff),
        Allow("POST", "/Recognition", ValidationStaff),
        Allow("GET", "/Recognition/New/{id:guid}", ValidationStaff, Sample.Person),
        Allow("POST", "/Recognition/New/{id:guid}", ValidationStaff, Sample.Person),
        Allow("GET", "/Recognition/Application/{id:guid}", ValidationStaff),
        Allow("POST", "/Recognition/Application/{id:guid}", ValidationStaff),
        Public("GET", "/Verify/{code?}"),
        Public("POST", "/Verify/{code?}"),
        Public("GET", "/api/v1/recognition/keys"),
        Public("GET", "/api/v1/recognition/certificates/{code}/credential"),
    ];

    private static AccessRule Public(string method, string pattern, Sample sample = Sample.None) => new(method, pattern, null, sample);

    private static AccessRule SignedIn(string method, string pattern) => new(method, pattern, AllRoles);

    private static AccessRule Allow(string method, string pattern, string[] roles, Sample sample = Sample.None) => new(method, pattern, roles, sample);
}
