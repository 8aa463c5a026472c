using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mismes.Core.Common;
using Mismes.Core.People;
using Mismes.Core.Recognition;

namespace Mismes.Web.Recognition.Pages;

/// <summary>
/// The validations of skills of the user's institution, newest first, with a status filter; and "start an
/// application": find the returnee in the registry by name, phone or e-mail (a plain GET form).
/// </summary>
[Authorize(Policy = RecognitionPolicies.ManageValidations)]
public sealed class IndexModel(ValidationService validations, PersonService people) : PageModel
{
    public Paged<ValidationApplicationSummary> Result { get; private set; } = new([], 0, 1, PageRequest.DefaultPageSize);

    public IReadOnlyList<PersonSummary> People { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "status")]
    public ValidationStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? PersonQuery { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var paging = new PageRequest(PageNumber, PageRequest.DefaultPageSize);
        if (!paging.Validate(new FieldErrors()))
        {
            paging = new PageRequest();
        }

        if (Status is not null && !Enum.IsDefined(Status.Value))
        {
            Status = null;
        }

        Result = await validations.ListAsync(paging, Status, ct);
        if (!string.IsNullOrWhiteSpace(PersonQuery) && PersonQuery.Length <= 200 && TextRules.IsClean(PersonQuery))
        {
            People = (await people.SearchAsync(new PersonSearch { Text = PersonQuery, Paging = new PageRequest(1, 10) }, ct)).Items;
        }

        return Page();
    }
}
