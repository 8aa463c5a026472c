namespace Mismes.Web.People;

/// <summary>Marker for the People strings in Resources/People/PeopleResource*.resx (keys "People.…"; fr is the neutral language).</summary>
public sealed class PeopleResource;
