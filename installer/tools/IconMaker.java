import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.GeneralPath;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;

import javax.imageio.ImageIO;

/**
 * Draws the MoveDesk app icon (a rounded tile with a route arrow between two stops) as a PNG.
 * Run once with the JDK's source launcher and commit the result:
 *   java -Djava.awt.headless=true installer/tools/IconMaker.java installer/src/jpackage/MoveDesk.png 256
 */
public class IconMaker {
    public static void main(String[] args) throws Exception {
        String out = args.length > 0 ? args[0] : "MoveDesk.png";
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        float s = size / 256f;

        g.setPaint(new GradientPaint(0, 0, new Color(0x1F4E79), size, size, new Color(0x0B2540)));
        g.fill(new RoundRectangle2D.Float(8 * s, 8 * s, 240 * s, 240 * s, 56 * s, 56 * s));

        // the route: from a stop on the left, curving to a stop on the right
        g.setColor(new Color(0xFFFFFF));
        g.setStroke(new BasicStroke(18 * s, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        GeneralPath route = new GeneralPath();
        route.moveTo(64 * s, 176 * s);
        route.curveTo(64 * s, 96 * s, 176 * s, 160 * s, 176 * s, 84 * s);
        g.draw(route);
        GeneralPath head = new GeneralPath();
        head.moveTo(146 * s, 104 * s);
        head.lineTo(176 * s, 66 * s);
        head.lineTo(206 * s, 104 * s);
        g.draw(head);

        g.setColor(new Color(0xF2B134));
        g.fillOval((int) (44 * s), (int) (164 * s), (int) (40 * s), (int) (40 * s));
        g.setColor(new Color(0x0B2540));
        g.fillOval((int) (56 * s), (int) (176 * s), (int) (16 * s), (int) (16 * s));
        g.dispose();
        ImageIO.write(image, "png", new File(out));
        System.out.println("wrote " + out + " (" + size + "x" + size + ")");
    }
}
