using Mismes.Core.Data;
using Mismes.Core.People;

namespace Mismes.Core.Placement.Candidates;

/// <summary>
/// A consent to share one's profile with foreign employers given or withdrawn is a change of who is rankable: it goes
/// on the candidates' change feed in the same SaveChanges as the consent record, so no node can miss it.
/// </summary>
internal sealed class CandidateConsentObserver(AppDbContext db, TimeProvider clock) : IConsentObserver
{
    public void ConsentRecorded(Guid personId, ConsentPurpose purpose, bool given)
    {
        if (purpose == ConsentPurpose.ShareProfileWithForeignEmployers)
        {
            db.Set<CandidateChange>().Add(new CandidateChange { PersonId = personId, At = clock.GetUtcNow() });
        }
    }
}
