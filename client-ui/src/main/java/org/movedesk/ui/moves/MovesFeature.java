package org.movedesk.ui.moves;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

import org.movedesk.core.locations.LocationService;
import org.movedesk.core.moves.MoveQueries;
import org.movedesk.core.moves.MoveService;
import org.movedesk.core.operators.Permissions;
import org.movedesk.core.operators.Role;
import org.movedesk.core.operators.Actor;
import org.movedesk.core.people.CentralPersonAnswer;
import org.movedesk.core.people.CentralPersonSource;
import org.movedesk.core.people.PersonService;
import org.movedesk.sync.CentralClients;
import org.movedesk.sync.people.CentralPersonFinder;
import org.movedesk.sync.status.SyncSnapshot;
import org.movedesk.sync.status.SyncStatus;
import org.movedesk.ui.app.DeskIdentity;
import org.movedesk.ui.common.Session;
import org.movedesk.ui.common.TaskRunner;
import org.movedesk.ui.common.UiEventBus;
import org.movedesk.ui.common.UiSettings;
import org.movedesk.ui.shell.NavigationEntry;

/** Move list (Ctrl+2), booking wizard (Ctrl+N) and move detail (from a list). */
@Configuration(proxyBeanMethods = false)
public class MovesFeature {

    public static final String LIST = "moves";
    public static final String BOOK = "book";
    public static final String DETAIL = "move-detail";

    @Bean
    NavigationEntry movesEntry() {
        return NavigationEntry.sidebar(LIST, "Moves", "mdal-format_list_bulleted", 20,
                "/org/movedesk/ui/moves/MoveListView.fxml", "Shortcut+2",
                actor -> actor.hasAny(Permissions.MOVE_READERS));
    }

    @Bean
    NavigationEntry bookEntry() {
        return NavigationEntry.sidebar(BOOK, "Book a move", "mdal-add_circle_outline", 30,
                "/org/movedesk/ui/moves/BookingWizardView.fxml", "Shortcut+N",
                actor -> actor.has(Role.PRISON_STAFF));
    }

    @Bean
    NavigationEntry moveDetailEntry() {
        return new NavigationEntry(DETAIL, "Move", null, Integer.MAX_VALUE,
                "/org/movedesk/ui/moves/MoveDetailView.fxml", null, false,
                actor -> actor.hasAny(Permissions.MOVE_READERS));
    }

    @Bean
    @Scope("prototype")
    MoveListViewModel moveListViewModel(MoveQueries queries, TaskRunner tasks, UiEventBus events, UiSettings settings,
                                        DeskIdentity desk, Session session) {
        return new MoveListViewModel(queries, tasks, events, settings, desk::ownLocations, session);
    }

    /**
     * The booking wizard's central look-up through sync, asking on behalf of the signed-in
     * operator. Without sync at this desk, or while sync knows the desk is offline, it answers at
     * once (no waiting for a connection timeout) with a sentence the wizard shows.
     */
    @Bean
    CentralPersonSource centralPersonSource(ObjectProvider<CentralClients> clients, ObjectProvider<SyncStatus> status,
                                            Session session) {
        CentralClients available = clients.getIfAvailable();
        if (available == null) {
            return CentralPersonSource.unavailable("Sync is switched off at this desk, so the centre cannot be asked. "
                    + "Record the person below; the centre is told when sync runs.");
        }
        CentralPersonFinder finder = new CentralPersonFinder(available.moves());
        return prisonNumber -> {
            SyncStatus sync = status.getIfAvailable();
            if (sync != null && sync.current().connectivity() == SyncSnapshot.Connectivity.OFFLINE) {
                return new CentralPersonAnswer.Unavailable("The desk is offline. Record the person below; "
                        + "the centre is told when the desk is online again.");
            }
            return finder.forOperator(session.current().map(Actor::username).orElse(null)).findByPrisonNumber(prisonNumber);
        };
    }

    @Bean
    @Scope("prototype")
    BookingWizardViewModel bookingWizardViewModel(PersonService people, CentralPersonSource central, LocationService locations,
                                                  MoveService moves, Session session, TaskRunner tasks) {
        return new BookingWizardViewModel(people, central, locations, moves, session, tasks);
    }

    @Bean
    @Scope("prototype")
    MoveDetailViewModel moveDetailViewModel(MoveService moves, MoveTimeline timeline, Session session, TaskRunner tasks,
                                            UiEventBus events) {
        return new MoveDetailViewModel(moves, timeline, session, tasks, events);
    }
}
