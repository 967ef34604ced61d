package shop.testsupport.shape.dispatching.application;

/** A use case of the fixture context. */
public final class NotifySomeone {

    public String handle(String who) {
        return "told " + who;
    }
}
