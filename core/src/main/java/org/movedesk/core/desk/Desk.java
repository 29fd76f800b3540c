package org.movedesk.core.desk;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The single desk row (id 1), created by V1 with a random desk id. */
@Entity
@Table(name = "desk")
public class Desk {

    static final int THE_DESK = 1;

    @Id
    private int id;
    @Column(name = "desk_id", nullable = false)
    private String deskId;
    @Column(nullable = false)
    private String name;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "desk_location", joinColumns = @JoinColumn(name = "desk_ref", referencedColumnName = "id"))
    @Column(name = "location_id")
    private Set<UUID> ownLocationIds = new HashSet<>();
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected Desk() {
    }

    void setName(String name, Instant now) {
        this.name = name;
        this.updatedAt = now;
    }

    void setOwnLocationIds(Set<UUID> ids, Instant now) {
        ownLocationIds.clear();
        ownLocationIds.addAll(ids);
        this.updatedAt = now;
    }

    DeskSettings settings() {
        return new DeskSettings(deskId, name, Set.copyOf(ownLocationIds));
    }

    public String getDeskId() {
        return deskId;
    }

    public String getName() {
        return name;
    }
}
